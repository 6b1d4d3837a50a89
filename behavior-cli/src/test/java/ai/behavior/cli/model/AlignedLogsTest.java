package ai.behavior.cli.model;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.recsys.ItemScorer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-indexing parts read from different files into a model's indices, and the scorer seen through them. */
class AlignedLogsTest {
    /** A model that knows users a, b and items x, y; scores item index + 10 * user index + 1. */
    private static final ItemScorer MODEL = new ItemScorer() {
        private final IdIndex users = IdIndex.of("a", "b");
        private final IdIndex items = IdIndex.of("x", "y");

        @Override
        public IdIndex users() {
            return users;
        }

        @Override
        public IdIndex items() {
            return items;
        }

        @Override
        public boolean knowsUser(int user) {
            return true;
        }

        @Override
        public void scoreAll(int user, float[] out) {
            assertEquals(2, out.length, "the model is always asked about its own catalogue");
            for (int i = 0; i < 2; i++) {
                out[i] = score(user, i);
            }
        }

        @Override
        public float score(int user, int item) {
            return item + 10 * user + 1;
        }
    };

    @Test
    void partsShareOneIndexThatStartsWithTheModelsIds() {
        // train file order: b before a, and an item z the model never saw; test has a new user c
        Interactions train = Interactions.builder().add("b", "y", EventType.VIEW, 1L, 1f)
                .add("a", "z", EventType.CART, 2L, 1f).build();
        Interactions test = Interactions.builder().add("c", "x", EventType.PURCHASE, 3L, 9.5f).build();
        AlignedLogs a = AlignedLogs.of(MODEL.users(), MODEL.items(), train, test);
        assertArrayEquals(new String[] {"a", "b", "c"}, a.users().ids());
        assertArrayEquals(new String[] {"x", "y", "z"}, a.items().ids());
        assertEquals(1, a.newUsers());
        assertEquals(1, a.newItems());
        Interactions t = a.parts().get(0);
        Interactions h = a.parts().get(1);
        assertSame(t.users(), h.users());
        assertSame(t.items(), h.items());
        assertEquals(1, t.user(0)); // b
        assertEquals(1, t.item(0)); // y
        assertEquals(2, t.item(1)); // z, appended
        assertEquals(EventType.CART, t.type(1));
        assertEquals(2, h.user(0)); // c, appended
        assertEquals(9.5f, h.value(0));
        assertEquals(3L, h.timestamp(0));
    }

    @Test
    void theAlignedScorerLeavesNewUsersUnknownAndNewItemsUnscored() {
        AlignedLogs a = AlignedLogs.of(MODEL.users(), MODEL.items(),
                Interactions.builder().add("c", "z", EventType.VIEW, 1L, 1f).build());
        AlignedScorer s = AlignedScorer.of(MODEL, a.users(), a.items());
        assertTrue(s.knowsUser(1));
        assertFalse(s.knowsUser(2)); // c is not the model's
        float[] out = new float[3];
        s.scoreAll(1, out);
        assertEquals(11f, out[0]); // user b (1), item x (0): 0 + 10 + 1
        assertEquals(12f, out[1]);
        assertTrue(Float.isNaN(out[2])); // z: never recommended
        assertTrue(Float.isNaN(s.score(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> AlignedScorer.of(MODEL, IdIndex.of("b", "a"),
                MODEL.items()));
    }
}
