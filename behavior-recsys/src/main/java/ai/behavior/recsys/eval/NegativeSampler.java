package ai.behavior.recsys.eval;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Draws distinct negative items for one user: items outside the user's interacted set, uniformly or in
 * proportion to a weight (training popularity). Weighted draws are successive sampling without replacement
 * (each next item with probability proportional to its weight among the items not yet drawn); items of
 * weight 0 are never drawn. When fewer eligible items exist than asked, all of them are returned.
 */
final class NegativeSampler {
    private final int numItems;
    private final double[] weights;    // null = uniform
    private final double[] cumulative; // prefix sums of weights
    private final int positive;        // items with weight > 0

    private NegativeSampler(int numItems, double[] weights) {
        this.numItems = numItems;
        this.weights = weights;
        if (weights == null) {
            cumulative = null;
            positive = numItems;
        } else {
            cumulative = new double[numItems];
            double sum = 0;
            int count = 0;
            for (int i = 0; i < numItems; i++) {
                if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("sampling weights must be finite and >= 0");
                }
                sum += weights[i];
                cumulative[i] = sum;
                if (weights[i] > 0) {
                    count++;
                }
            }
            positive = count;
        }
    }

    /** Every item equally likely. */
    static NegativeSampler uniform(int numItems) {
        return new NegativeSampler(numItems, null);
    }

    /** Items drawn in proportion to {@code weights}. */
    static NegativeSampler weighted(double[] weights) {
        return new NegativeSampler(weights.length, weights.clone());
    }

    /**
     * Up to {@code m} distinct items not in {@code excluded} (ascending item indices), drawn with
     * {@code random}; {@code chosen} is scratch space of at least {@code numItems} bits, left clear.
     */
    int[] sample(int m, int[] excluded, SplittableRandom random, BitSet chosen) {
        int eligible = weights == null ? numItems - excluded.length : positive - positiveAmong(excluded);
        int want = Math.min(m, eligible);
        if (want <= 0) {
            return new int[0];
        }
        int[] out = new int[want];
        int n = weights == null ? uniformByRejection(out, excluded, random, chosen)
                : weightedByRejection(out, excluded, random, chosen);
        if (n < want) { // rejection became too slow: finish exactly over the remaining eligible items
            n = weights == null ? uniformExact(out, n, excluded, random, chosen)
                    : weightedExact(out, n, excluded, random, chosen);
        }
        for (int i : out) {
            chosen.clear(i);
        }
        return out;
    }

    private int uniformByRejection(int[] out, int[] excluded, SplittableRandom random, BitSet chosen) {
        if (out.length * 2 > numItems - excluded.length) {
            return 0; // dense: the exact method is cheaper
        }
        int n = 0;
        for (long attempts = budget(out.length); n < out.length && attempts > 0; attempts--) {
            int i = random.nextInt(numItems);
            if (!chosen.get(i) && Arrays.binarySearch(excluded, i) < 0) {
                chosen.set(i);
                out[n++] = i;
            }
        }
        return n;
    }

    private int uniformExact(int[] out, int n, int[] excluded, SplittableRandom random, BitSet chosen) {
        int[] pool = eligible(excluded, chosen);
        for (int t = 0; n < out.length; t++, n++) { // partial Fisher-Yates
            int pick = t + random.nextInt(pool.length - t);
            int item = pool[pick];
            pool[pick] = pool[t];
            pool[t] = item;
            chosen.set(item);
            out[n] = item;
        }
        return n;
    }

    private int weightedByRejection(int[] out, int[] excluded, SplittableRandom random, BitSet chosen) {
        double total = cumulative[numItems - 1];
        int n = 0;
        for (long attempts = budget(out.length); n < out.length && attempts > 0; attempts--) {
            double x = random.nextDouble() * total;
            int i = firstAbove(x);
            if (weights[i] > 0 && !chosen.get(i) && Arrays.binarySearch(excluded, i) < 0) {
                chosen.set(i);
                out[n++] = i;
            }
        }
        return n;
    }

    /** Efraimidis-Spirakis: the largest keys {@code ln(U) / w} are a successive weighted sample. */
    private int weightedExact(int[] out, int n, int[] excluded, SplittableRandom random, BitSet chosen) {
        int[] pool = eligible(excluded, chosen);
        int size = 0;
        double[] keys = new double[pool.length];
        for (int i : pool) {
            if (weights[i] > 0) {
                keys[size] = Math.log(1 - random.nextDouble()) / weights[i];
                pool[size++] = i;
            }
        }
        Integer[] order = new Integer[size];
        for (int t = 0; t < size; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        for (int t = 0; n < out.length; t++, n++) {
            int item = pool[order[t]];
            chosen.set(item);
            out[n] = item;
        }
        return n;
    }

    private int[] eligible(int[] excluded, BitSet chosen) {
        int[] pool = new int[numItems];
        int size = 0;
        for (int i = 0; i < numItems; i++) {
            if (!chosen.get(i) && Arrays.binarySearch(excluded, i) < 0) {
                pool[size++] = i;
            }
        }
        return Arrays.copyOf(pool, size);
    }

    private int positiveAmong(int[] items) {
        int count = 0;
        for (int i : items) {
            if (weights[i] > 0) {
                count++;
            }
        }
        return count;
    }

    /** The first item whose cumulative weight exceeds {@code x}. */
    private int firstAbove(double x) {
        int lo = 0;
        int hi = numItems - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long budget(int wanted) {
        return 16L * wanted + 64;
    }
}
