package ai.behavior.recsys.als;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class CsrTest {
    @Test
    void transposeListsEachColumnsRowsInOrderWithTheirValues() {
        // 3 x 3: row 0 = {0: 1, 2: 2}, row 1 empty, row 2 = {1: 3, 2: 4}; by hand, column 0 = {row 0: 1},
        // column 1 = {row 2: 3}, column 2 = {row 0: 2, row 2: 4}
        Csr m = new Csr(new int[] {0, 2, 2, 4}, new int[] {0, 2, 1, 2}, new float[] {1, 2, 3, 4});
        Csr t = Csr.transposeOf(m, 3);
        assertArrayEquals(new int[] {0, 1, 2, 4}, t.offsets());
        assertArrayEquals(new int[] {0, 2, 0, 2}, t.cols());
        assertArrayEquals(new float[] {1, 3, 2, 4}, t.values());
        assertArrayEquals(new int[] {2, 0, 2}, m.rowLengths());
        assertArrayEquals(new int[] {1, 1, 2}, t.rowLengths());
        // a trailing column without entries is an empty row of the transpose
        assertArrayEquals(new int[] {0, 1, 2, 4, 4}, Csr.transposeOf(m, 4).offsets());
    }

    @Test
    void longestFirstOrdersRowsByLengthThenIndex() {
        // offsets {0, 2, 2, 5, 7}: rows 0..3 have 2, 0, 3 and 2 entries, so row 2, then rows 0 and 3 (a tie,
        // by index), then the empty row 1
        Csr m = new Csr(new int[] {0, 2, 2, 5, 7}, new int[] {0, 1, 0, 1, 2, 1, 2}, new float[7]);
        assertArrayEquals(new int[] {2, 0, 3, 1}, m.longestFirst());
    }
}
