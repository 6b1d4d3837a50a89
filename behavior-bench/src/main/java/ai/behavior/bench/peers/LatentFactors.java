package ai.behavior.bench.peers;

/**
 * Trained user and item factors of a matrix-factorisation model, row-major ({@code rank} floats per user,
 * then per item), so any MF model (ours or a peer's) can be scored by the same code.
 *
 * <pre>{@code
 * LatentFactors f = sparkFit.factors();
 * double r = f.score(user, item);   // NaN when the user or item had no factors
 * }</pre>
 *
 * @param rank        factors per user / item
 * @param userFactors {@code users * rank} floats
 * @param itemFactors {@code items * rank} floats
 * @param hasUser     whether each user got factors (Spark returns none for a user absent from training)
 * @param hasItem     whether each item got factors
 */
public record LatentFactors(int rank, float[] userFactors, float[] itemFactors, boolean[] hasUser,
                            boolean[] hasItem) {
    /** Checks the arrays agree with the rank. */
    public LatentFactors {
        if (rank < 1 || userFactors.length != hasUser.length * rank || itemFactors.length != hasItem.length * rank) {
            throw new IllegalArgumentException("factor arrays do not match rank " + rank);
        }
    }

    /** Number of users (with or without factors). */
    public int users() {
        return hasUser.length;
    }

    /** Number of items (with or without factors). */
    public int items() {
        return hasItem.length;
    }

    /** Dot product of the user's and the item's factors; NaN when either has none. */
    public double score(int user, int item) {
        if (!hasUser[user] || !hasItem[item]) {
            return Double.NaN;
        }
        double s = 0;
        int u = user * rank;
        int i = item * rank;
        for (int f = 0; f < rank; f++) {
            s += userFactors[u + f] * itemFactors[i + f];
        }
        return s;
    }

    /**
     * Scores every item for one user into {@code out} (length {@code items()}); items without factors get
     * negative infinity. A user without factors gets all negative infinity.
     */
    public void scoreAll(int user, float[] out) {
        int u = user * rank;
        for (int item = 0; item < out.length; item++) {
            if (!hasUser[user] || !hasItem[item]) {
                out[item] = Float.NEGATIVE_INFINITY;
                continue;
            }
            float s = 0;
            int i = item * rank;
            for (int f = 0; f < rank; f++) {
                s += userFactors[u + f] * itemFactors[i + f];
            }
            out[item] = s;
        }
    }
}
