package ai.behavior.split;

import ai.behavior.data.Interactions;
import java.util.Objects;

/**
 * One fold of a cross-validation: its test rows and the complement as train rows.
 *
 * <pre>{@code
 * for (Fold fold : KFold.byUser(5, 42).apply(log)) {
 *     scores.add(evaluate(fit(fold.train()), fold.test(), fold.describe()));
 * }
 * }</pre>
 *
 * @param index    0-based fold number
 * @param k        number of folds
 * @param train    every row of the log not in this fold's test part, in log order
 * @param test     this fold's rows, in log order
 * @param describe how the fold was made, e.g. {@code "user-grouped 5-fold, seed 42, fold 1 of 5 (...)"}
 */
public record Fold(int index, int k, Interactions train, Interactions test, String describe) {

    /**
     * Checks the fold.
     *
     * @throws IllegalArgumentException if the index is outside {@code [0, k)} or the parts use different
     *                                  index spaces
     */
    public Fold {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(describe, "describe");
        if (index < 0 || index >= k) {
            throw new IllegalArgumentException("fold index " + index + " outside [0, " + k + ")");
        }
        if (train.users() != test.users() || train.items() != test.items()) {
            throw new IllegalArgumentException("fold train and test must share one user and item index space");
        }
    }

    /** This fold as a {@link SplitResult} with an empty validation part. */
    public SplitResult toSplitResult() {
        return SplitResult.trainTest(train, test, describe);
    }
}
