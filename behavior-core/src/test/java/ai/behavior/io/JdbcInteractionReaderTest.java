package ai.behavior.io;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads events from an embedded SQLite database: no server needed. */
class JdbcInteractionReaderTest {
    private static final InteractionSchema SCHEMA = InteractionSchema.builder().user("user_id").item("item_id")
            .eventType("behavior", Map.of("pv", EventType.VIEW, "buy", EventType.PURCHASE))
            .timestamp("ts", TimestampFormat.EPOCH_SECONDS).value("price").build();
    private Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE events (user_id TEXT, item_id INTEGER, behavior TEXT, ts INTEGER, price REAL)");
            st.execute("INSERT INTO events VALUES ('u1', 10, 'pv', 1511544070, 0.0), ('u2', 11, 'buy', 1511544080, 19.5),"
                    + " ('u1', 11, 'buy', 1511544090, 19.5)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void readsRowsByColumnLabel() throws Exception {
        ReadResult r = JdbcInteractionReader.read(db,
                "SELECT item_id, user_id, behavior, ts, price FROM events ORDER BY ts", SCHEMA);
        Interactions log = r.interactions();
        assertEquals(3, log.size());
        assertEquals("u1", log.users().id(log.user(0)));
        assertEquals("10", log.items().id(log.item(0)));
        assertEquals(EventType.PURCHASE, log.type(1));
        assertEquals(1_511_544_080_000L, log.timestamp(1));
        assertEquals(19.5f, log.value(2));
        assertEquals(3, r.report().rowsRead());
    }

    @Test
    void aliasesMapOtherColumnNames() throws Exception {
        InteractionSchema s = InteractionSchema.builder().user("who").item("what").eventType("behavior",
                        Map.of("pv", EventType.VIEW, "buy", EventType.PURCHASE))
                .timestamp("ts", TimestampFormat.EPOCH_SECONDS).build();
        ReadResult r = JdbcInteractionReader.read(db,
                "SELECT user_id AS who, item_id AS what, behavior, ts FROM events WHERE behavior = 'buy'", s);
        assertEquals(2, r.interactions().size());
    }

    @Test
    void badRowsNameTheQueryRowAndColumnOrAreSkipped() throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("INSERT INTO events VALUES (NULL, 12, 'pv', 1511544100, 1.0), ('u3', 13, 'zap', 1511544110, 1.0),"
                    + " ('u4', 14, 'pv', NULL, 1.0), ('u5', 15, 'pv', 1511544120, NULL)");
        }
        String sql = "SELECT * FROM events ORDER BY ts NULLS LAST, user_id NULLS FIRST";
        MalformedRowException e = assertThrows(MalformedRowException.class,
                () -> JdbcInteractionReader.read(db, sql, SCHEMA));
        assertEquals(RowProblem.Reason.EMPTY_ID, e.problem().reason());
        assertEquals(4, e.problem().line(), "1-based result row");
        assertEquals("user_id", e.problem().columnName());
        assertTrue(e.getMessage().startsWith("query[SELECT * FROM events"), e.getMessage());

        ReadResult r = JdbcInteractionReader.read(db, sql, SCHEMA, ReadOptions.defaults().withPolicy(ReadPolicy.SKIP));
        assertEquals(3, r.interactions().size());
        assertEquals(4, r.report().rowsSkipped());
        assertEquals(Map.of(RowProblem.Reason.EMPTY_ID, 1L, RowProblem.Reason.UNKNOWN_EVENT_TYPE, 1L,
                RowProblem.Reason.BAD_TIMESTAMP, 1L, RowProblem.Reason.BAD_NUMBER, 1L), r.report().skippedByReason());
    }

    @Test
    void missingColumnIsAClearError() {
        MalformedRowException e = assertThrows(MalformedRowException.class,
                () -> JdbcInteractionReader.read(db, "SELECT user_id, item_id FROM events", SCHEMA));
        assertTrue(e.getMessage().contains("'behavior'") || e.getMessage().contains("'ts'"), e.getMessage());
    }
}
