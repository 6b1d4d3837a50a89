package ai.behavior.io;

import ai.behavior.data.AttributeTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributeTableReaderTest {
    @TempDir
    Path dir;

    @Test
    void typedHeaderDecidesKindsAndEmptyFieldsAreMissing() throws IOException {
        Path p = dir.resolve("x.user");
        Files.writeString(p, "user_id:token\tage:token\tincome:float\tgender:token\n1\t24\t1.5\tM\n2\t\t\tF\n");
        AttributeTable t = AttributeTableReader.read(p, '\t', "user_id",
                Map.of("age", AttributeTableReader.Kind.NUMERIC), ReadOptions.defaults()).table();
        assertEquals(2, t.size());
        int u2 = t.keys().indexOf("2");
        assertEquals(24.0, t.numeric("age").get(t.keys().indexOf("1")));
        assertTrue(t.numeric("age").isMissing(u2));
        assertTrue(t.numeric("income").isMissing(u2));
        assertThrows(IllegalStateException.class, () -> t.numeric("income").get(u2), "a gap is never read as a number");
        assertEquals("F", t.categorical("gender").label(u2));
    }

    @Test
    void declaredMissingMarkersAreMissingNotErrors() throws IOException {
        Path p = dir.resolve("m.csv");
        Files.writeString(p, "id,year,kind\na,1995,x\nb,unknown,unknown\n");
        AttributeTable t = AttributeTableReader.read(p, ',', "id", Map.of("year", AttributeTableReader.Kind.NUMERIC),
                java.util.Set.of("unknown"), ReadOptions.defaults()).table();
        assertTrue(t.numeric("year").isMissing(1));
        assertNull(t.categorical("kind").label(1));
        assertEquals(1995.0, t.numeric("year").get(0));
    }

    @Test
    void badRowsFailWithLocationOrAreSkippedAndCounted() throws IOException {
        Path p = dir.resolve("items.csv");
        Files.writeString(p, "item_id,price,brand\na,1.5,x\nb,NaN,y\nc,cheap,z\na,2.0,w\nd,3\n,1,v\ne,4,q\n");
        MalformedRowException e = assertThrows(MalformedRowException.class, () -> AttributeTableReader.read(p, ',',
                "item_id", Map.of("price", AttributeTableReader.Kind.NUMERIC), ReadOptions.defaults()));
        assertEquals(3, e.problem().line());
        assertEquals(2, e.problem().column());
        assertEquals(RowProblem.Reason.NON_FINITE_VALUE, e.problem().reason());

        var r = AttributeTableReader.read(p, ',', "item_id", Map.of("price", AttributeTableReader.Kind.NUMERIC),
                ReadOptions.defaults().withPolicy(ReadPolicy.SKIP));
        assertEquals(2, r.table().size(), "a and e survive");
        assertEquals(1.5, r.table().numeric("price").get(r.table().keys().indexOf("a")), "first row of a key is kept");
        assertEquals(5, r.report().rowsSkipped());
        assertEquals(Map.of(RowProblem.Reason.NON_FINITE_VALUE, 1L, RowProblem.Reason.BAD_NUMBER, 1L,
                RowProblem.Reason.DUPLICATE_KEY, 1L, RowProblem.Reason.WRONG_COLUMN_COUNT, 1L,
                RowProblem.Reason.EMPTY_ID, 1L), r.report().skippedByReason());
    }

    @Test
    void missingKeyColumnIsAClearError() throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, "id,x\n1,2\n");
        MalformedRowException e = assertThrows(MalformedRowException.class,
                () -> AttributeTableReader.read(p, ',', "user_id", Map.of(), ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("'user_id'"));
    }
}
