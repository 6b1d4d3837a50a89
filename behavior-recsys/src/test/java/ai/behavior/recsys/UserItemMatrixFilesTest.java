package ai.behavior.recsys;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UserItemMatrix#save} and {@link UserItemMatrix#load}: exact rows, both id indexes, bad arrays. */
class UserItemMatrixFilesTest {
    /** u0 viewed i1 twice and i0 once; u1 has no counted event (its id exists); u2 bought i2. Item i3 is unseen. */
    private static UserItemMatrix matrix() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "i1", EventType.VIEW, 1, 1f).add("u0", "i0", EventType.VIEW, 2, 1f)
                .add("u0", "i1", EventType.VIEW, 3, 1f).add("u2", "i2", EventType.PURCHASE, 4, 1f);
        b.users().intern("u1");
        b.items().intern("i3");
        return UserItemMatrix.of(b.build(), Weighting.counts());
    }

    private static void assertSame(UserItemMatrix a, UserItemMatrix b) {
        assertArrayEquals(a.rowIds().ids(), b.rowIds().ids());
        assertArrayEquals(a.colIds().ids(), b.colIds().ids());
        assertEquals(a.nnz(), b.nnz());
        for (int r = 0; r < a.numRows(); r++) {
            assertEquals(a.rowStart(r), b.rowStart(r));
            assertEquals(a.rowEnd(r), b.rowEnd(r));
        }
        for (int p = 0; p < a.nnz(); p++) {
            assertEquals(a.col(p), b.col(p));
            assertEquals(a.value(p), b.value(p));
        }
    }

    @Test
    void rowsValuesAndIdsComeBackExactly(@TempDir Path dir) throws IOException {
        UserItemMatrix m = matrix();
        m.save(dir.resolve("m"));
        UserItemMatrix back = UserItemMatrix.load(dir.resolve("m"));
        assertSame(m, back);
        int u0 = back.rowIds().indexOf("u0");
        assertEquals(2f, back.get(u0, back.colIds().indexOf("i1")), "two views of i1 add up");
        assertEquals(1f, back.get(u0, back.colIds().indexOf("i0")));
        assertEquals(0, back.rowLength(back.rowIds().indexOf("u1")), "a user without counted events is an empty row");
        assertEquals(4, back.numCols(), "the unseen item keeps its column");

        UserItemMatrix t = m.transpose(); // items x users saves and loads the same way
        t.save(dir.resolve("t"));
        assertSame(t, UserItemMatrix.load(dir.resolve("t")));
    }

    @Test
    void aDeletedFileIsNamed(@TempDir Path dir) throws IOException {
        matrix().save(dir);
        Files.delete(dir.resolve("col_indices"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> UserItemMatrix.load(dir));
        assertTrue(e.getMessage().contains("file 'col_indices' listed in the manifest is missing"), e.getMessage());
    }

    @Test
    void arraysThatAreNotASparseMatrixAreRefused(@TempDir Path dir) throws IOException {
        IdIndex rows = IdIndex.of(new String[] {"u0", "u1"});
        IdIndex cols = IdIndex.of(new String[] {"i0", "i1"});
        // row 0 holds column 1 then column 0: not ascending
        ModelWriter.create(dir.resolve("order"), UserItemMatrix.MODEL_TYPE, 1).ids("row_ids", rows)
                .ids("col_ids", cols).ints("row_offsets", new int[] {0, 2, 2}).ints("col_indices", new int[] {1, 0})
                .floats("values", new float[] {1f, 1f}, 2, 1).commit();
        ModelFileException e = assertThrows(ModelFileException.class, () -> UserItemMatrix.load(dir.resolve("order")));
        assertTrue(e.getMessage().contains("file 'col_indices' holds 0 at position 1 (row 0)"), e.getMessage());
        // offsets end at 1 but there are 2 column indices
        ModelWriter.create(dir.resolve("offsets"), UserItemMatrix.MODEL_TYPE, 1).ids("row_ids", rows)
                .ids("col_ids", cols).ints("row_offsets", new int[] {0, 1, 1}).ints("col_indices", new int[] {0, 1})
                .floats("values", new float[] {1f, 1f}, 2, 1).commit();
        e = assertThrows(ModelFileException.class, () -> UserItemMatrix.load(dir.resolve("offsets")));
        assertTrue(e.getMessage().contains("file 'row_offsets' has 3 entries from 0 to 1; expected 3 entries from 0 "
                + "to 2"), e.getMessage());
        // offsets jump past the column indices and come back: 0, 100, 2
        ModelWriter.create(dir.resolve("jump"), UserItemMatrix.MODEL_TYPE, 1).ids("row_ids", rows)
                .ids("col_ids", cols).ints("row_offsets", new int[] {0, 100, 2}).ints("col_indices", new int[] {0, 1})
                .floats("values", new float[] {1f, 1f}, 2, 1).commit();
        e = assertThrows(ModelFileException.class, () -> UserItemMatrix.load(dir.resolve("jump")));
        assertTrue(e.getMessage().contains("file 'row_offsets' holds 100 at row 1: it must not decrease and must "
                + "stay within 0..2"), e.getMessage());
        // a NaN value
        ModelWriter.create(dir.resolve("nan"), UserItemMatrix.MODEL_TYPE, 1).ids("row_ids", rows)
                .ids("col_ids", cols).ints("row_offsets", new int[] {0, 1, 1}).ints("col_indices", new int[] {0})
                .floats("values", new float[] {Float.NaN}, 1, 1).commit();
        e = assertThrows(ModelFileException.class, () -> UserItemMatrix.load(dir.resolve("nan")));
        assertTrue(e.getMessage().contains("file 'values' holds NaN at position 0"), e.getMessage());
    }
}
