package ai.behavior.models.tasks;

import java.util.SplittableRandom;

/**
 * K folds over users, stratified by a 0/1 label per user, and within each fold a stratified validation share of
 * the users outside it: every user is a test user of exactly one fold, and in each fold the training, validation
 * and test users are disjoint. The same seed gives the same folds.
 *
 * @param fold       the test fold of each user (-1 for a user without rows)
 * @param validation per fold, whether each user validates in that fold ({@code [fold][user]})
 */
record UserFolds(int[] fold, boolean[][] validation) {
    /**
     * Folds of the users with {@code present[u]}, stratified by {@code label[u]}; {@code validationShare} of each
     * fold's other users (per stratum, rounded) validate.
     */
    static UserFolds of(boolean[] present, boolean[] label, int folds, double validationShare, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in (0, 1), got " + validationShare);
        }
        int n = present.length;
        int[] fold = new int[n];
        java.util.Arrays.fill(fold, -1);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int stratum = 0; stratum <= 1; stratum++) {
            int[] members = members(present, label, stratum == 1, null, -1);
            shuffle(members, rng);
            for (int k = 0; k < members.length; k++) {
                fold[members[k]] = k % folds;
            }
        }
        boolean[][] validation = new boolean[folds][n];
        for (int f = 0; f < folds; f++) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + f);
            for (int stratum = 0; stratum <= 1; stratum++) {
                int[] members = members(present, label, stratum == 1, fold, f);
                shuffle(members, r);
                long take = Math.round(validationShare * members.length);
                for (int k = 0; k < take; k++) {
                    validation[f][members[k]] = true;
                }
            }
        }
        return new UserFolds(fold, validation);
    }

    /** Number of folds. */
    int folds() {
        return validation.length;
    }

    /** The part of user {@code u} in fold {@code f}: 0 train, 1 validation, 2 test, -1 absent. */
    int part(int f, int u) {
        if (fold[u] < 0) {
            return -1;
        }
        return fold[u] == f ? 2 : validation[f][u] ? 1 : 0;
    }

    private static int[] members(boolean[] present, boolean[] label, boolean stratum, int[] fold, int excluded) {
        int m = 0;
        int[] out = new int[present.length];
        for (int u = 0; u < present.length; u++) {
            if (present[u] && label[u] == stratum && (fold == null || fold[u] != excluded)) {
                out[m++] = u;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
