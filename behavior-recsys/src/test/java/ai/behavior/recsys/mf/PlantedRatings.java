package ai.behavior.recsys.mf;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;

import java.util.SplittableRandom;

/**
 * Test data: a rating matrix with a planted low-rank structure,
 * {@code r = 3.5 + b_u + b_i + p_u . q_i + noise}, each user rating a random subset of items.
 */
public final class PlantedRatings {
    private PlantedRatings() {
    }

    /**
     * {@code users} users, each rating {@code perUser} distinct random items out of {@code items}, rank
     * {@code rank} factors of standard deviation 0.7, biases of standard deviation 0.3, Gaussian noise
     * {@code noise}; ids are {@code "u<n>"} and {@code "i<n>"}.
     */
    public static Interactions generate(int users, int items, int rank, int perUser, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] p = new double[users][rank];
        double[][] q = new double[items][rank];
        double[] bu = new double[users];
        double[] bi = new double[items];
        for (int u = 0; u < users; u++) {
            bu[u] = 0.3 * random.nextGaussian();
            for (int f = 0; f < rank; f++) {
                p[u][f] = 0.7 * random.nextGaussian();
            }
        }
        for (int i = 0; i < items; i++) {
            bi[i] = 0.3 * random.nextGaussian();
            for (int f = 0; f < rank; f++) {
                q[i][f] = 0.7 * random.nextGaussian();
            }
        }
        InteractionsBuilder b = Interactions.builder();
        int[] order = new int[items];
        for (int i = 0; i < items; i++) {
            order[i] = i;
        }
        long t = 1_700_000_000_000L;
        for (int u = 0; u < users; u++) {
            for (int a = items - 1; a > 0; a--) {
                int c = random.nextInt(a + 1);
                int tmp = order[a];
                order[a] = order[c];
                order[c] = tmp;
            }
            for (int x = 0; x < perUser; x++) {
                int i = order[x];
                double r = 3.5 + bu[u] + bi[i] + noise * random.nextGaussian();
                for (int f = 0; f < rank; f++) {
                    r += p[u][f] * q[i][f];
                }
                b.add("u" + u, "i" + i, EventType.RATING, t++, (float) r);
            }
        }
        return b.build();
    }

    /** A log of the given (user, item, rating) triples, in order, one second apart. */
    public static Interactions of(Object... triples) {
        InteractionsBuilder b = Interactions.builder();
        long t = 1_700_000_000_000L;
        for (int x = 0; x < triples.length; x += 3) {
            b.add((String) triples[x], (String) triples[x + 1], EventType.RATING, t += 1000,
                    ((Number) triples[x + 2]).floatValue());
        }
        return b.build();
    }

    /** RMSE of {@code model}'s clipped predictions on the RATING events of {@code test}. */
    public static double rmse(BiasedMf model, Interactions test) {
        double sse = 0;
        for (int r = 0; r < test.size(); r++) {
            double e = test.value(r) - model.predict(test.user(r), test.item(r));
            sse += e * e;
        }
        return Math.sqrt(sse / test.size());
    }
}
