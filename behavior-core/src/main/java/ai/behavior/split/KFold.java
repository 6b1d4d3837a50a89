package ai.behavior.split;

import ai.behavior.data.Interactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * K-fold cross-validation: {@code k} folds whose test parts are disjoint and together hold every row exactly
 * once, each with the remaining rows as train.
 *
 * <pre>{@code
 * List<Fold> folds = KFold.byEvent(5, 42).apply(ratings);   // 5-fold rating CV, as Surprise does
 * List<Fold> userFolds = KFold.byUser(5, 42).apply(log);     // all of a user's events in one fold
 * }</pre>
 *
 * <p>Assignment, with a {@link SplittableRandom} seeded by {@code seed}:
 * <ul>
 *   <li>{@link Grouping#BY_EVENT}: the rows {@code 0..n-1} are shuffled and the row at shuffled position
 *       {@code p} goes to fold {@code p mod k}; fold sizes differ by at most one event (the first
 *       {@code n mod k} folds have one more).</li>
 *   <li>{@link Grouping#BY_USER}: the users with at least one event, in index order, are shuffled and the user
 *       at shuffled position {@code p} goes to fold {@code p mod k} with all their events; fold sizes differ by
 *       at most one user (event counts follow the users' activity).</li>
 * </ul>
 *
 * @param k        number of folds ({@code >= 2})
 * @param seed     the random seed; the same log and seed always give the same folds
 * @param grouping whether events or whole users are assigned to folds
 */
public record KFold(int k, long seed, Grouping grouping) {

    /** What k-fold assigns to folds. */
    public enum Grouping {
        /** Single events, independently of their user (rating cross-validation). */
        BY_EVENT,
        /** Whole users: a user's events are all in one fold's test part (cold-start style evaluation). */
        BY_USER
    }

    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException if {@code k < 2}
     */
    public KFold {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold needs k >= 2 folds, got " + k);
        }
        Objects.requireNonNull(grouping, "grouping");
    }

    /** Random event folds. */
    public static KFold byEvent(int k, long seed) {
        return new KFold(k, seed, Grouping.BY_EVENT);
    }

    /** User-grouped folds. */
    public static KFold byUser(int k, long seed) {
        return new KFold(k, seed, Grouping.BY_USER);
    }

    /**
     * The {@code k} folds of {@code log}, in fold order.
     *
     * @throws IllegalArgumentException if the log has fewer events ({@code BY_EVENT}) or active users
     *                                  ({@code BY_USER}) than {@code k}, which includes an empty log
     */
    public List<Fold> apply(Interactions log) {
        int[] foldOf = grouping == Grouping.BY_EVENT ? eventFolds(log) : userFolds(log);
        int n = log.size();
        int[] sizes = new int[k];
        for (int f : foldOf) {
            sizes[f]++;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int[] test = new int[sizes[f]];
            int[] train = new int[n - sizes[f]];
            int a = 0;
            int b = 0;
            for (int r = 0; r < n; r++) {
                if (foldOf[r] == f) {
                    test[a++] = r;
                } else {
                    train[b++] = r;
                }
            }
            folds.add(new Fold(f, k, log.select(train), log.select(test), describe() + ", fold " + (f + 1)
                    + " of " + k + " (train " + train.length + ", test " + test.length + " events)"));
        }
        return Collections.unmodifiableList(folds);
    }

    private int[] eventFolds(Interactions log) {
        int n = log.size();
        if (n < k) {
            throw new IllegalArgumentException("cannot make " + k + " event folds from " + n + " events");
        }
        int[] order = SeededShuffle.identity(n);
        SeededShuffle.shuffle(order, 0, n, new SplittableRandom(seed));
        int[] foldOf = new int[n];
        for (int p = 0; p < n; p++) {
            foldOf[order[p]] = p % k;
        }
        return foldOf;
    }

    private int[] userFolds(Interactions log) {
        int n = log.size();
        boolean[] active = new boolean[log.numUsers()];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (!active[log.user(r)]) {
                active[log.user(r)] = true;
                m++;
            }
        }
        if (m < k) {
            throw new IllegalArgumentException("cannot make " + k + " user-grouped folds from " + m
                    + " users with events");
        }
        int[] users = new int[m];
        for (int u = 0, i = 0; u < active.length; u++) {
            if (active[u]) {
                users[i++] = u;
            }
        }
        SeededShuffle.shuffle(users, 0, m, new SplittableRandom(seed));
        int[] userFold = new int[log.numUsers()];
        for (int p = 0; p < m; p++) {
            userFold[users[p]] = p % k;
        }
        int[] foldOf = new int[n];
        for (int r = 0; r < n; r++) {
            foldOf[r] = userFold[log.user(r)];
        }
        return foldOf;
    }

    /** E.g. {@code "user-grouped 5-fold, seed 42"} or {@code "random 5-fold by event, seed 42"}. */
    public String describe() {
        return (grouping == Grouping.BY_USER ? "user-grouped " + k + "-fold" : "random " + k + "-fold by event")
                + ", seed " + seed;
    }
}
