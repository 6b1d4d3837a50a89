package ai.behavior.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdIndexTest {
    /** Ids of every shape: packed (<= 7 Latin-1 chars), pooled (longer or non-Latin-1), empty, NUL. */
    private static List<String> mixedIds(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ids.add(switch (k % 7) {
                case 0 -> Integer.toString(k);                       // numeric, packed
                case 1 -> "u" + k;                                   // short code, packed until 7 chars
                case 2 -> "user-" + k + "-" + rnd.nextInt(1000);     // long, pooled
                case 3 -> "é" + k;                                   // Latin-1 non-ASCII, packed
                case 4 -> "ид" + k;                                  // Cyrillic: pooled
                case 5 -> "\u0000" + k;                              // NUL is a real character
                default -> java.util.UUID.nameUUIDFromBytes(Integer.toString(k).getBytes()).toString();
            });
        }
        return ids;
    }

    @Test
    void internAssignsFirstSeenIndicesAndFindsEveryIdAgain() {
        List<String> ids = mixedIds(50_000, 1);
        IdIndex.Builder b = IdIndex.builder();
        Map<String, Integer> reference = new HashMap<>();
        for (String id : ids) {
            int expected = reference.computeIfAbsent(id, x -> reference.size());
            assertEquals(expected, b.intern(id), id);
        }
        for (String id : ids) { // the char-buffer path agrees with the String path
            char[] buf = ("##" + id + "##").toCharArray();
            assertEquals(reference.get(id), b.intern(buf, 2, id.length()), id);
        }
        IdIndex index = b.build();
        assertEquals(reference.size(), index.size());
        reference.forEach((id, i) -> {
            assertEquals(i, index.indexOf(id), id);
            assertEquals(id, index.id(i));
        });
    }

    @Test
    void packedAndPooledIdsThatLookAlikeStayDistinct() {
        String[] tricky = {"", "\u0000", "\u0000\u0000", "a", "a\u0000", "1234567", "12345678", "123456",
            "ÿÿÿÿÿÿÿ", "ÿÿÿÿÿÿÿÿ", "Ā", "\u00ff", "ab", "ba"};
        IdIndex index = IdIndex.of(tricky);
        for (int i = 0; i < tricky.length; i++) {
            assertEquals(i, index.indexOf(tricky[i]), "'" + tricky[i] + "'");
        }
        assertEquals(-1, index.indexOf("abc"));
        assertEquals(-1, index.indexOf("1234568"));
        assertEquals(-1, index.indexOf("123456789"));
        assertFalse(index.contains("\u0000\u0000\u0000"));
    }

    @Test
    void toBuilderKeepsIndicesAndAppends() {
        IdIndex first = IdIndex.of("x", "a-much-longer-identifier", "y");
        IdIndex.Builder more = first.toBuilder();
        assertEquals(1, more.intern("a-much-longer-identifier"));
        assertEquals(3, more.intern("z"));
        IdIndex second = more.build();
        assertArrayEquals(new String[] {"x", "a-much-longer-identifier", "y", "z"}, second.ids());
        assertEquals(3, first.size(), "the original is unchanged");
    }

    @Test
    void duplicatesInOfAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdIndex.of("a", "b", "a"));
        assertTrue(e.getMessage().contains("'a'"));
    }

    @Test
    void builderIndexOfDoesNotIntern() {
        IdIndex.Builder b = IdIndex.builder();
        b.intern("a");
        assertEquals(-1, b.indexOf("b"));
        assertEquals(1, b.size());
        assertThrows(IndexOutOfBoundsException.class, () -> b.id(1));
    }

    @Test
    void sameIdsAsComparesContentAndOrder() {
        IdIndex a = IdIndex.of("x", "y");
        assertTrue(a.sameIdsAs(a));
        assertTrue(a.sameIdsAs(IdIndex.of("x", "y")));
        assertFalse(a.sameIdsAs(IdIndex.of("y", "x")));
        assertFalse(a.sameIdsAs(IdIndex.of("x")));
    }
}
