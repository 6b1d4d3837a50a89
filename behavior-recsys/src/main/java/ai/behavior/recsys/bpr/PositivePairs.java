package ai.behavior.recsys.bpr;

/**
 * Constant-time "has user {@code u} interacted with item {@code i}?" for negative sampling: a dense bit
 * matrix when the users x items matrix is dense enough (MovieLens-like data: a few megabytes, mostly in
 * cache), else an open-addressing hash set of the pairs (16 to 32 bytes per pair). Either way one memory
 * access per check, where a binary search over the user's items would chain several cache misses.
 *
 * <pre>{@code
 * PositivePairs seen = PositivePairs.of(offsets, cols, numItems);
 * boolean positive = seen.contains(u, i);
 * }</pre>
 */
final class PositivePairs {
    private final int numItems;
    private final long[] bits;  // dense: bit u * numItems + i; null when hashed
    private final long[] table; // hashed: key = (u + 1) << 32 | i, 0 = empty; null when dense
    private final int mask;

    private PositivePairs(int numItems, long[] bits, long[] table) {
        this.numItems = numItems;
        this.bits = bits;
        this.table = table;
        this.mask = table == null ? 0 : table.length - 1;
    }

    /** The pairs of a compressed-row users x items structure. */
    static PositivePairs of(int[] offsets, int[] cols, int numItems) {
        int numUsers = offsets.length - 1;
        long cells = (long) numUsers * numItems;
        long denseBytes = cells / 8;
        long hashBytes = 32L * Math.max(1, cols.length);
        if (denseBytes <= hashBytes && cells / 64 + 1 < Integer.MAX_VALUE - 8) {
            long[] bits = new long[(int) (cells / 64 + 1)];
            for (int u = 0; u < numUsers; u++) {
                for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                    long cell = (long) u * numItems + cols[p];
                    bits[(int) (cell >>> 6)] |= 1L << cell;
                }
            }
            return new PositivePairs(numItems, bits, null);
        }
        long capacity = Long.highestOneBit(Math.max(2, 2L * cols.length) - 1) << 1;
        if (capacity > (1 << 30)) {
            throw new IllegalArgumentException("too many pairs for BPR's negative check: " + cols.length);
        }
        long[] table = new long[(int) capacity];
        int mask = table.length - 1;
        for (int u = 0; u < numUsers; u++) {
            for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                long key = key(u, cols[p]);
                int s = slot(key, mask);
                while (table[s] != 0 && table[s] != key) {
                    s = (s + 1) & mask;
                }
                table[s] = key;
            }
        }
        return new PositivePairs(numItems, null, table);
    }

    /** Whether ({@code user}, {@code item}) is a stored pair. */
    boolean contains(int user, int item) {
        if (bits != null) {
            long cell = (long) user * numItems + item;
            return (bits[(int) (cell >>> 6)] & (1L << cell)) != 0;
        }
        long key = key(user, item);
        for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            long k = table[s];
            if (k == key) {
                return true;
            }
            if (k == 0) {
                return false;
            }
        }
    }

    /** Reads the memory {@link #contains} would read, returning a meaningless number (a software prefetch). */
    float touch(int user, int item) {
        if (bits != null) {
            long cell = (long) user * numItems + item;
            return bits[(int) (cell >>> 6)];
        }
        return table[slot(key(user, item), mask)];
    }

    /** Whether the dense bit matrix is used (for tests). */
    boolean dense() {
        return bits != null;
    }

    private static long key(int user, int item) {
        return ((long) (user + 1) << 32) | (item & 0xFFFFFFFFL);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }
}
