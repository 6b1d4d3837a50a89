package ai.behavior.split;

import java.util.SplittableRandom;

/** Fisher–Yates shuffles driven by a seeded {@link SplittableRandom}, identical on every JVM for one seed. */
final class SeededShuffle {
    private SeededShuffle() {
    }

    /** The identity permutation {@code 0 .. n-1}. */
    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Shuffles {@code a[from, to)} in place. */
    static void shuffle(int[] a, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
