package ai.behavior.models.sequence;

/**
 * The best {@code k} items by score, for ranking metrics: higher scores first, equal scores by lower item code,
 * except that a designated held-out item loses every tie (a pessimistic rule: a model that gives every item the
 * same score never gets credit by luck of the tie order).
 *
 * <pre>{@code
 * int[] top = TopItems.of(scores, 0, numItems, 10, heldOut);            // full ranking
 * int[] top100 = TopItems.among(scores, 0, candidates, 10, heldOut);    // sampled candidates
 * }</pre>
 */
public final class TopItems {
    private TopItems() {
    }

    /**
     * The {@code k} best of items {@code 0..count-1} whose scores are {@code scores[offset + item]}.
     *
     * @param heldOut the item that loses ties, or -1 for none
     * @throws IllegalArgumentException naming the item if a score is NaN
     */
    public static int[] of(float[] scores, int offset, int count, int k, int heldOut) {
        checkK(k);
        int[] top = new int[Math.min(k, count)];
        int size = 0;
        for (int item = 0; item < count; item++) {
            size = offer(scores, offset, top, size, item, heldOut);
        }
        return top;
    }

    /** The {@code k} best of {@code candidates} (item codes) whose scores are {@code scores[offset + item]}. */
    public static int[] among(float[] scores, int offset, int[] candidates, int k, int heldOut) {
        checkK(k);
        int[] top = new int[Math.min(k, candidates.length)];
        int size = 0;
        for (int item : candidates) {
            size = offer(scores, offset, top, size, item, heldOut);
        }
        return top;
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    /** Inserts {@code item} into the sorted {@code top[0..size)} if it belongs there; returns the new size. */
    private static int offer(float[] scores, int offset, int[] top, int size, int item, int heldOut) {
        float s = scores[offset + item];
        if (Float.isNaN(s)) {
            throw new IllegalArgumentException("the score of item " + item + " is NaN");
        }
        if (size == top.length && !better(scores, offset, item, top[size - 1], heldOut)) {
            return size;
        }
        int at = size == top.length ? size - 1 : size;
        while (at > 0 && better(scores, offset, item, top[at - 1], heldOut)) {
            top[at] = top[at - 1];
            at--;
        }
        top[at] = item;
        return Math.min(size + 1, top.length);
    }

    private static boolean better(float[] scores, int offset, int a, int b, int heldOut) {
        float sa = scores[offset + a];
        float sb = scores[offset + b];
        if (sa != sb) {
            return sa > sb;
        }
        if (a == heldOut || b == heldOut) {
            return b == heldOut;
        }
        return a < b;
    }
}
