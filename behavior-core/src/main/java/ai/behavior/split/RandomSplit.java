package ai.behavior.split;

import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Random train / validation / test split by ratios, either of all rows at once or stratified per user.
 *
 * <pre>{@code
 * SplitResult parts = new RandomSplit(Ratios.of(0.8, 0.1, 0.1), RandomSplit.Scope.PER_USER, 42).apply(log);
 * parts.describe();   // "random 80/10/10 train/validation/test stratified per user, seed 42 (train ..., ...)"
 * }</pre>
 *
 * <p>Exact counts follow {@link Ratios#counts(int)} (largest remainder, ties to the earlier part):
 * <ul>
 *   <li>{@link Scope#GLOBAL}: all {@code n} rows are shuffled with a {@link SplittableRandom} seeded by
 *       {@code seed}; the first {@code counts(n)[0]} shuffled rows train, the next {@code counts(n)[1]}
 *       validate, the rest test. Part sizes are exactly {@code counts(n)}.</li>
 *   <li>{@link Scope#PER_USER}: for each user in index order, that user's {@code m} rows are shuffled (one
 *       random stream for the whole log) and divided by {@code counts(m)}; if that leaves the user with no
 *       train row, one row moves to train from test (or, if test has none, from validation). So every user
 *       with at least one event has at least one train event, and a user with one event is train only. Each
 *       user's counts are within 1 of {@code m * fraction} except for that move.</li>
 * </ul>
 *
 * @param ratios the train / validation / test fractions
 * @param scope  whether rows are shuffled globally or per user
 * @param seed   the random seed; the same log and seed always give the same parts
 */
public record RandomSplit(Ratios ratios, Scope scope, long seed) implements Split {

    /** What a random split shuffles. */
    public enum Scope {
        /** All rows are shuffled together; a user may end up with no train rows. */
        GLOBAL,
        /** Each user's rows are divided by the ratios (stratified by user). */
        PER_USER
    }

    /** Checks that the ratios and scope are present. */
    public RandomSplit {
        Objects.requireNonNull(ratios, "ratios");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public SplitResult apply(Interactions log) {
        int n = log.size();
        RowParts parts = new RowParts(n);
        SplittableRandom random = new SplittableRandom(seed);
        if (scope == Scope.GLOBAL) {
            int[] order = SeededShuffle.identity(n);
            SeededShuffle.shuffle(order, 0, n, random);
            assign(parts, order, ratios.counts(n));
        } else {
            UserHistories histories = log.byUser();
            int[] rows = new int[0];
            for (int u = 0; u < histories.numUsers(); u++) {
                int m = histories.count(u);
                if (m == 0) {
                    continue;
                }
                if (rows.length < m) {
                    rows = new int[Math.max(m, rows.length * 2)];
                }
                for (int p = 0; p < m; p++) {
                    rows[p] = histories.row(histories.start(u) + p);
                }
                SeededShuffle.shuffle(rows, 0, m, random);
                int[] counts = ratios.counts(m);
                if (counts[0] == 0) {
                    counts[0] = 1;
                    counts[counts[2] > 0 ? 2 : 1]--;
                }
                assign(parts, rows, counts);
            }
        }
        return parts.toResult(log, describe());
    }

    private static void assign(RowParts parts, int[] rows, int[] counts) {
        int p = 0;
        for (int i = 0; i < counts[0]; i++) {
            parts.set(rows[p++], RowParts.TRAIN);
        }
        for (int i = 0; i < counts[1]; i++) {
            parts.set(rows[p++], RowParts.VALIDATION);
        }
        for (int i = 0; i < counts[2]; i++) {
            parts.set(rows[p++], RowParts.TEST);
        }
    }

    /** E.g. {@code "random 80/10/10 train/validation/test stratified per user, seed 42"}. */
    @Override
    public String describe() {
        return "random " + ratios.label() + (scope == Scope.GLOBAL ? " over all events" : " stratified per user")
                + ", seed " + seed;
    }
}
