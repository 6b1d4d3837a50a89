package ai.behavior.metric;

/**
 * Orders scores from highest to lowest with an LSD radix sort over sortable 64-bit keys, carrying each
 * score's original index (so weights and labels can follow). No boxing and no comparator: O(n) passes over
 * primitive arrays. The sort is stable, so tied scores keep ascending index order.
 */
final class ScoreOrder {
    /** Keys in ascending unsigned order, which is descending score order. Equal keys mean equal scores. */
    final long[] keys;
    /** {@code index[r]} is the original position of the score at rank {@code r} (0 = highest). */
    final int[] index;

    private ScoreOrder(long[] keys, int[] index) {
        this.keys = keys;
        this.index = index;
    }

    /**
     * The key whose unsigned ascending order is the descending order of {@code score}; -0.0 and 0.0 map
     * to the same key. Scores must not be NaN.
     */
    static long descendingKey(double score) {
        long bits = Double.doubleToRawLongBits(score + 0.0); // -0.0 + 0.0 == +0.0
        long ascending = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        return ~ascending;
    }

    /**
     * A key whose signed order is the ascending order of {@code score}; -0.0 and 0.0 map to the same key.
     * Scores must not be NaN.
     */
    static long ascendingKey(double score) {
        long bits = Double.doubleToRawLongBits(score + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /**
     * Sorts the first {@code n} signed keys ascending: an LSD radix sort for large arrays (no index carried),
     * {@link java.util.Arrays#sort(long[], int, int)} for small ones.
     */
    static void sortSigned(long[] keys, int n) {
        if (n < (1 << 12)) {
            java.util.Arrays.sort(keys, 0, n);
            return;
        }
        final int bits = 16;
        final int radix = 1 << bits;
        final int mask = radix - 1;
        final int passes = 4;
        int[][] counts = new int[passes][radix];
        for (int i = 0; i < n; i++) {
            long k = keys[i] ^ Long.MIN_VALUE;
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((k >>> (p * bits)) & mask)]++;
            }
        }
        long[] src = keys;
        long[] dst = new long[n];
        for (int p = 0; p < passes; p++) {
            int[] count = counts[p];
            int shift = p * bits;
            if (count[(int) (((src[0] ^ Long.MIN_VALUE) >>> shift) & mask)] == n) {
                continue;
            }
            int offset = 0;
            for (int d = 0; d < radix; d++) {
                int c = count[d];
                count[d] = offset;
                offset += c;
            }
            for (int i = 0; i < n; i++) {
                long k = src[i];
                dst[count[(int) (((k ^ Long.MIN_VALUE) >>> shift) & mask)]++] = k;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != keys) {
            System.arraycopy(src, 0, keys, 0, n);
        }
    }

    /** Sorts the (already NaN-checked) scores from highest to lowest. */
    static ScoreOrder descending(double[] scores) {
        int n = scores.length;
        long[] keys = new long[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = descendingKey(scores[i]);
            index[i] = i;
        }
        sort(keys, index);
        return new ScoreOrder(keys, index);
    }

    /** Stable LSD radix sort of unsigned {@code keys}, permuting {@code index} alongside. */
    static void sort(long[] keys, int[] index) {
        int n = keys.length;
        if (n < 2) {
            return;
        }
        int bits = n < (1 << 16) ? 8 : 16;
        int radix = 1 << bits;
        int mask = radix - 1;
        int passes = 64 / bits;
        int[][] counts = new int[passes][radix];
        for (long k : keys) {
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((k >>> (p * bits)) & mask)]++;
            }
        }
        long[] srcKeys = keys;
        int[] srcIndex = index;
        long[] dstKeys = new long[n];
        int[] dstIndex = new int[n];
        for (int p = 0; p < passes; p++) {
            int[] count = counts[p];
            int shift = p * bits;
            if (count[(int) ((srcKeys[0] >>> shift) & mask)] == n) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int offset = 0;
            for (int d = 0; d < radix; d++) {
                int c = count[d];
                count[d] = offset;
                offset += c;
            }
            for (int i = 0; i < n; i++) {
                long k = srcKeys[i];
                int pos = count[(int) ((k >>> shift) & mask)]++;
                dstKeys[pos] = k;
                dstIndex[pos] = srcIndex[i];
            }
            long[] tk = srcKeys;
            srcKeys = dstKeys;
            dstKeys = tk;
            int[] ti = srcIndex;
            srcIndex = dstIndex;
            dstIndex = ti;
        }
        if (srcKeys != keys) {
            System.arraycopy(srcKeys, 0, keys, 0, n);
            System.arraycopy(srcIndex, 0, index, 0, n);
        }
    }
}
