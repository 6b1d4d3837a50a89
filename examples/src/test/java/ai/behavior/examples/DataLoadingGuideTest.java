package ai.behavior.examples;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Dataset;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.io.AttributeTableReader;
import ai.behavior.io.ColumnRef;
import ai.behavior.io.CsvInteractionReader;
import ai.behavior.io.InteractionSchema;
import ai.behavior.io.JdbcInteractionReader;
import ai.behavior.io.MalformedRowException;
import ai.behavior.io.MovieLens;
import ai.behavior.io.ReadOptions;
import ai.behavior.io.ReadPolicy;
import ai.behavior.io.ReadResult;
import ai.behavior.io.TaobaoUserBehavior;
import ai.behavior.io.TimestampFormat;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import ai.behavior.split.TemporalQuantileSplit;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Java blocks of docs/data-loading.md, pasted unchanged between the marked lines, on small files this
 * test writes into the working directory (the guide reads relative paths), and checks that the error message
 * and read summary the guide shows are exactly what the reader produces.
 */
class DataLoadingGuideTest {
    private static final Path EVENTS = Path.of("shop-events.csv");
    private static final Path RATINGS = Path.of("ratings.tsv");
    private static final Path PRODUCTS = Path.of("products.csv");
    private static final Path DB = Path.of("shop.db");
    private static final Path GUIDE = Path.of(System.getProperty("behavior.root", ".."), "docs", "data-loading.md");

    // five rows: line 4 has a timestamp in the wrong format, line 6 an action the schema does not map
    private static final String CSV = """
            customer,sku,action,ts,price
            c1,sku-1,view,2024-03-01T10:15:30Z,19.99
            c1,sku-1,add_to_cart,2024-03-01T10:16:02Z,19.99
            c2,sku-7,view,01/03/2024 11:00,5.00
            c1,sku-1,order,2024-03-01T10:20:45Z,19.99
            c2,sku-7,wishlist,2024-03-01T11:02:00Z,5.00
            """;

    @BeforeEach
    void writeFiles() throws IOException {
        Files.writeString(EVENTS, CSV, StandardCharsets.UTF_8);
        Files.writeString(RATINGS, "196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t377\t1\t878887116\n");
        Files.writeString(PRODUCTS, "sku,category,price\nsku-1,shoes,19.99\nsku-7,socks,\n");
    }

    @AfterEach
    void deleteFiles() throws IOException {
        for (Path p : List.of(EVENTS, RATINGS, PRODUCTS, DB)) {
            Files.deleteIfExists(p);
        }
    }

    private static InteractionSchema schema() {
        // --- data-loading.md block 1 ---
        InteractionSchema schema = InteractionSchema.builder()
                .user("customer").item("sku")
                .eventType("action", Map.of("view", EventType.VIEW, "add_to_cart", EventType.CART,
                        "order", EventType.PURCHASE))
                .timestamp("ts", TimestampFormat.ISO_8601)
                .value("price")
                .build();
        // --- end ---
        return schema;
    }

    @Test
    void strictReadingStopsAtTheFirstBadRowAndTheGuideShowsItsRealMessage() throws IOException {
        InteractionSchema schema = schema();
        MalformedRowException thrown = assertThrows(MalformedRowException.class, () -> {
            // --- data-loading.md block 2 ---
            ReadResult read = CsvInteractionReader.read(Path.of("shop-events.csv"), schema, ReadOptions.defaults());
            // --- end ---
        });
        String message = thrown.getMessage();
        assertTrue(message.startsWith("shop-events.csv:4:4 (ts): bad timestamp '01/03/2024 11:00'"), message);
        assertTrue(textBlocks().contains(message), "docs/data-loading.md must show the real message:\n" + message);
    }

    @Test
    void skippingCountsEveryBadRowAndTheGuideShowsTheRealSummary() throws IOException {
        InteractionSchema schema = schema();
        List<String> printed = new ArrayList<>();
        // --- data-loading.md block 3 ---
        ReadOptions lenient = ReadOptions.defaults().withPolicy(ReadPolicy.SKIP)
                .withSkipListener(problem -> System.err.println("skipped " + problem));
        ReadResult read = CsvInteractionReader.read(Path.of("shop-events.csv"), schema, lenient);
        Interactions log = read.interactions();
        System.out.println(read.report().summary());
        // --- end ---
        printed.add(read.report().summary());
        read.report().recordedProblems().forEach(p -> printed.add("skipped " + p));
        assertEquals(3, log.size());
        assertEquals(2, read.report().rowsSkipped());
        assertEquals(1, log.numUsers(), "the rejected rows of c2 leave no phantom user");
        List<String> shown = textBlocks();
        for (String line : printed) {
            // the names after "expected one of" come in the mapping's iteration order (Map.of: varies by JVM run)
            String stable = line.contains("expected one of [") ? line.substring(0, line.indexOf('[')) : line;
            assertTrue(shown.stream().anyMatch(l -> l.startsWith(stable)),
                    "docs/data-loading.md must show the real output:\n" + line);
        }
    }

    @Test
    void headerlessFilesAreReadByPosition() throws IOException {
        // --- data-loading.md block 4 ---
        InteractionSchema positional = InteractionSchema.builder().header(false).delimiter('\t')
                .user(ColumnRef.at(0)).item(ColumnRef.at(1))
                .fixedEventType(EventType.RATING).value(ColumnRef.at(2))
                .timestamp(ColumnRef.at(3), TimestampFormat.EPOCH_SECONDS)
                .build();
        Interactions ratings = CsvInteractionReader.read(Path.of("ratings.tsv"), positional).interactions();
        // --- end ---
        assertEquals(3, ratings.size());
        assertEquals(2, ratings.numUsers());
        assertEquals(881_250_949_000L, ratings.timestamp(0));
        assertEquals(3f, ratings.value(0));
    }

    @Test
    void attributeTablesDeclareTheirColumnKinds() throws IOException {
        // --- data-loading.md block 5 ---
        AttributeTable products = AttributeTableReader.read(Path.of("products.csv"), ',', "sku",
                Map.of("price", AttributeTableReader.Kind.NUMERIC), ReadOptions.defaults()).table();
        // --- end ---
        assertEquals(2, products.size());
        assertEquals("shoes", products.categorical("category").label(0));
        assertTrue(products.numeric("price").isMissing(1), "an empty price is missing, never NaN");
    }

    @Test
    void jdbcReadsWithTheSameSchemaAndPolicies() throws SQLException, IOException {
        try (Connection setup = DriverManager.getConnection("jdbc:sqlite:shop.db");
             Statement st = setup.createStatement()) {
            st.execute("CREATE TABLE events (customer TEXT, sku TEXT, action TEXT, ts TEXT, price REAL)");
            st.execute("INSERT INTO events VALUES ('c1','sku-1','view','2024-03-01T10:15:30Z',19.99),"
                    + "('c1','sku-1','order','2024-03-01T10:20:45Z',19.99)");
        }
        InteractionSchema schema = schema();
        ReadResult fromDb;
        // --- data-loading.md block 6 ---
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:shop.db")) {
            fromDb = JdbcInteractionReader.read(db, "SELECT customer, sku, action, ts, price FROM events", schema,
                    ReadOptions.defaults());
        }
        // --- end ---
        assertEquals(2, fromDb.interactions().size());
        assertEquals(EventType.PURCHASE, fromDb.interactions().type(1));
    }

    @Test
    void theBundledReadersReadTheRealDatasetsWhenPresent() throws IOException {
        // --- data-loading.md block 7 ---
        Path datasets = Path.of("../shared/datasets");                    // relative to the project root
        // --- end ---
        if (!Files.isDirectory(datasets)) { // tests run in the module folder; surefire names the real place
            datasets = Path.of(System.getProperty("behavior.datasets", "../shared/datasets"));
        }
        assumeTrue(Files.isDirectory(datasets.resolve("ml-100k"))
                        && Files.isDirectory(datasets.resolve("taobao-userbehavior")),
                "real dataset folder " + datasets.toAbsolutePath().normalize() + " is absent: skipping the readers");
        // --- data-loading.md block 7, continued ---
        Dataset movielens = MovieLens.read(datasets.resolve("ml-100k"));  // ratings + user and item tables
        Dataset taobao = TaobaoUserBehavior.read(datasets.resolve("taobao-userbehavior/UserBehavior_head.csv"));
        // --- end ---
        // counts from the datasets' cards (ml-100k: 100,000 ratings; Taobao head: 84,287 events)
        assertEquals(100_000, movielens.interactions().size());
        assertEquals(84_287, taobao.interactions().size());
    }

    @Test
    void splitsSayWhatTheyDid() {
        Interactions log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(300).withSeed(3))
                .interactions();
        // --- data-loading.md block 8 ---
        SplitResult byTime = new TemporalQuantileSplit(Ratios.of(0.8, 0.1, 0.1),
                TemporalQuantileSplit.Basis.EVENTS).apply(log);            // train < validation < test in time
        SplitResult lastOut = LeaveLastOut.of(1).apply(log);               // each user's last event is test
        SplitResult perUser = new RandomSplit(Ratios.trainTest(0.75, 0.25),
                RandomSplit.Scope.PER_USER, 42).apply(log);               // 75/25 within every user
        System.out.println(byTime.describe());
        // --- end ---
        assertEquals(log.size(), byTime.size());
        assertTrue(byTime.train().maxTimestamp() <= byTime.test().minTimestamp());
        assertEquals(log.activeUsers(), lastOut.test().activeUsers() + countUsersWithOneEvent(log),
                "every user with two or more events gives exactly one test event");
        assertEquals(log.size(), perUser.size());
        assertEquals(lastOut.test().size(), lastOut.test().activeUsers());
        assertTrue(byTime.describe().startsWith("temporal"), byTime.describe());
    }

    private static int countUsersWithOneEvent(Interactions log) {
        int n = 0;
        for (int u = 0; u < log.numUsers(); u++) {
            n += log.byUser().count(u) == 1 ? 1 : 0;
        }
        return n;
    }

    /** The lines of every fenced block of the guide that is not Java, trimmed. */
    private static List<String> textBlocks() throws IOException {
        List<String> out = new ArrayList<>();
        boolean inText = false;
        for (String line : Files.readAllLines(GUIDE, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inText = !inText && line.equals("```text");
                continue;
            }
            if (inText) {
                out.add(line.trim());
            }
        }
        return out;
    }
}
