package ai.behavior.synth;

import java.util.SplittableRandom;

/** Discrete sampling primitives shared by the generator: cumulative search, alias tables, shuffling. */
final class Sampling {
    private Sampling() {
    }

    /**
     * The first position {@code p} in {@code [from, to)} with {@code cum[p] > x}, for non-decreasing
     * cumulative weights and {@code 0 <= x < cum[to-1]}; clamped to {@code to - 1} against rounding.
     */
    static int cumulative(double[] cum, int from, int to, double x) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Builds a Walker/Vose alias table for the positive weights {@code w[from, to)}: to draw, pick a position
     * {@code p} uniformly in the range and a uniform {@code f} in [0, 1); keep {@code p} if
     * {@code f < keep[p]}, else take {@code other[p]} (absolute positions).
     */
    static void alias(double[] w, int from, int to, double[] keep, int[] other) {
        int n = to - from;
        double total = 0;
        for (int p = from; p < to; p++) {
            total += w[p];
        }
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int p = from; p < to; p++) {
            keep[p] = w[p] * n / total;
            other[p] = p;
            if (keep[p] < 1) {
                small[ns++] = p;
            } else {
                large[nl++] = p;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[nl - 1];
            other[s] = l;
            keep[l] -= 1 - keep[s];
            if (keep[l] < 1) {
                nl--;
                small[ns++] = l;
            }
        }
        while (nl > 0) {
            keep[large[--nl]] = 1;
        }
        while (ns > 0) { // rounding leftovers
            keep[small[--ns]] = 1;
        }
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The number of failures before the first success of a Bernoulli({@code q}) sequence, capped. */
    static int geometric(SplittableRandom rng, double q, int cap) {
        if (q >= 1) {
            return 0;
        }
        double g = Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(1 - q));
        return (int) Math.min(cap, g);
    }
}
