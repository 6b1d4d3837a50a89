package ai.behavior.feature.label;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabeledUsersTest {
    private static final IdIndex TEN = IdIndex.of("u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9");
    /** Four positives: u1, u4, u5, u8. */
    private static final double[] Y = {0, 1, 0, 0, 1, 1, 0, 0, 1, 0};

    @Test
    void countsAndCopies() {
        double[] y = Y.clone();
        LabeledUsers l = new LabeledUsers(TEN, y);
        y[0] = 1; // the record kept its own copy
        assertEquals(4, l.positives());
        assertEquals(0.4, l.positiveRate(), 1e-15);
        assertEquals(10, l.size());
        l.labels()[1] = 0;
        assertArrayEquals(Y, l.labels());
        assertEquals(new LabeledUsers(IdIndex.of(TEN.ids()), Y), l);
    }

    @Test
    void stratifiedSplitKeepsThePositiveRate() {
        LabeledUsers.Split s = new LabeledUsers(TEN, Y).split(0.5, 3);
        // round(0.5 * 4) = 2 of the positives and round(0.5 * 6) = 3 of the negatives go to test
        assertEquals(5, s.test().size());
        assertEquals(2, s.test().positives());
        assertEquals(2, s.train().positives());
        Set<String> all = new HashSet<>(Arrays.asList(s.train().users().ids()));
        all.addAll(Arrays.asList(s.test().users().ids()));
        assertEquals(10, all.size()); // disjoint and complete
        for (int k = 0; k < s.test().size(); k++) { // every user keeps its label
            assertEquals(Y[TEN.indexOf(s.test().users().id(k))], s.test().labels()[k]);
        }
        assertEquals(s, new LabeledUsers(TEN, Y).split(0.5, 3));
        assertNotEquals(s.test(), new LabeledUsers(TEN, Y).split(0.5, 4).test(), "another seed, another split");
    }

    @Test
    void rowsInAFrameMatchOnKeys() {
        FeatureFrame f = FeatureFrame.builder(3).keys(IdIndex.of("u2", "u0", "u1"))
                .numeric("x", new double[] {2, 0, 1}).build();
        LabeledUsers l = new LabeledUsers(IdIndex.of("u0", "u1", "u2"), new double[] {1, 0, 1});
        assertArrayEquals(new int[] {1, 2, 0}, l.rowsIn(f));
        assertArrayEquals(new double[] {0, 1, 2}, f.select(l.rowsIn(f)).numeric("x"));
        LabeledUsers other = new LabeledUsers(IdIndex.of("u7"), new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.rowsIn(f));
        assertTrue(e.getMessage().contains("user 'u7' has no row in the frame"), e.getMessage());
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledUsers(IdIndex.of("a", "b"), new double[] {1}));
        assertTrue(e.getMessage().contains("2 users but 1 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledUsers(IdIndex.of("a", "b"), new double[] {1, 0.5}));
        assertTrue(e.getMessage().contains("user 'b' (position 1) has label 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledUsers(IdIndex.of("a"), new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("has label NaN"), e.getMessage());
        LabeledUsers l = new LabeledUsers(TEN, Y);
        e = assertThrows(IllegalArgumentException.class, () -> l.split(0, 1));
        assertTrue(e.getMessage().contains("testShare must be in (0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.split(0.01, 1));
        assertTrue(e.getMessage().contains("leaves test empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.rowsIn(FeatureFrame.builder(0).build()));
        assertTrue(e.getMessage().contains("no row keys"), e.getMessage());
    }

    @Test
    void intLabelsMatchTheDoubleLabels() {
        LabeledUsers l = new LabeledUsers(IdIndex.of("a", "b", "c"), new double[] {1, 0, 1});
        assertArrayEquals(new int[] {1, 0, 1}, l.intLabels());
        l.intLabels()[0] = 0; // a copy each time
        assertArrayEquals(new int[] {1, 0, 1}, l.intLabels());
    }
}
