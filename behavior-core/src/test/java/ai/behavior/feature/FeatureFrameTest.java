package ai.behavior.feature;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.IdIndex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureFrameTest {
    @Test
    void attributeTableBecomesFrameWithNaNAndMinusOneForMissing() {
        AttributeTable t = AttributeTable.builder("user_id").numeric("age").categorical("region")
                .row("u1").set("age", 30).set("region", "north")
                .row("u2").set("region", "south").build();
        FeatureFrame f = FeatureFrame.of(t);
        assertEquals(2, f.rows());
        assertEquals(30.0, f.numeric("age")[0]);
        assertTrue(Double.isNaN(f.numeric("age")[1]));
        assertEquals("south", f.label("region", 1));
        assertEquals("u2", f.keys().id(1));
    }

    @Test
    void leftJoinMatchesOnKeysAndMarksAbsentRowsMissing() {
        FeatureFrame left = FeatureFrame.builder(3).keys(IdIndex.of("a", "b", "c"))
                .numeric("x", new double[] {1, 2, 3}).build();
        FeatureFrame right = FeatureFrame.builder(2).keys(IdIndex.of("c", "a"))
                .numeric("y", new double[] {30, 10}).categorical("k", new String[] {"kc", "ka"})
                .sequences("s", new int[][] {{0}, {0, 0}}, IdIndex.of("i0")).build();
        FeatureFrame j = left.leftJoin(right);
        assertArrayEquals(new double[] {10, Double.NaN, 30}, j.numeric("y"));
        assertEquals("ka", j.label("k", 0));
        assertNull(j.label("k", 1));
        assertEquals(0, j.sequences("s")[1].length);
        assertEquals(2, j.sequences("s")[0].length);
        assertThrows(IllegalArgumentException.class, () -> left.leftJoin(left));
    }

    @Test
    void columnsMustMatchRowCountAndVocabulary() {
        assertThrows(IllegalArgumentException.class,
                () -> FeatureFrame.builder(2).numeric("x", new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureFrame.builder(1).categorical("c", new int[] {3}, IdIndex.of("a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureFrame.builder(1).numeric("x", new double[] {1}).build().codes("x"));
        assertTrue(e.getMessage().contains("NUMERIC"), e.getMessage());
    }

    @Test
    void selectCopiesRowsInOrder() {
        FeatureFrame f = FeatureFrame.builder(3).keys(IdIndex.of("a", "b", "c"))
                .numeric("x", new double[] {1, 2, 3}).text("t", new String[] {"p", null, "r"}).build();
        FeatureFrame s = f.select(new int[] {2, 0});
        assertArrayEquals(new double[] {3, 1}, s.numeric("x"));
        assertEquals("r", s.text("t")[0]);
        assertEquals("a", s.keys().id(1));
    }

    @Test
    void rowsPicksByKeyInTheOrderAsked() {
        FeatureFrame f = FeatureFrame.builder(3).keys(IdIndex.of("a", "b", "c"))
                .numeric("x", new double[] {1, 2, 3}).build();
        FeatureFrame one = f.rows("c", "a");
        assertArrayEquals(new double[] {3, 1}, one.numeric("x"));
        assertEquals("c", one.keys().id(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.rows("zz"));
        assertEquals("no row with key 'zz' among 3 rows", e.getMessage());
        FeatureFrame unkeyed = FeatureFrame.builder(1).numeric("x", new double[] {1}).build();
        assertThrows(IllegalArgumentException.class, () -> unkeyed.rows("a"));
    }
}
