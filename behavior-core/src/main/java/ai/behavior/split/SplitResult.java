package ai.behavior.split;

import ai.behavior.data.Interactions;
import java.util.Objects;

/**
 * The train, validation and test parts of a log, with a human-readable account of how they were made.
 *
 * <pre>{@code
 * SplitResult parts = Split.leaveLastOut(1).apply(log);
 * model.fit(parts.train()); evaluate(model, parts.test(), parts.describe());
 * }</pre>
 *
 * <p>All three parts share the source log's user and item index spaces (the same {@code IdIndex} objects), so
 * an index learnt on {@link #train()} means the same user or item in {@link #test()}. Each part keeps the
 * source's row order. The validation part may be empty.
 *
 * @param train      the training rows
 * @param validation the validation rows (possibly empty)
 * @param test       the test rows (possibly empty)
 * @param describe   how the parts were made, for the evaluation protocol printed beside results, e.g.
 *                   {@code "random 80/10/10 train/validation/test stratified per user, seed 42 (train 800,
 *                   validation 100, test 100 events)"}
 */
public record SplitResult(Interactions train, Interactions validation, Interactions test, String describe) {

    /**
     * Checks that the parts are present and share one user and one item index space.
     *
     * @throws IllegalArgumentException if the parts use different index spaces
     */
    public SplitResult {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(describe, "describe");
        if (validation.users() != train.users() || test.users() != train.users()
                || validation.items() != train.items() || test.items() != train.items()) {
            throw new IllegalArgumentException("train, validation and test must share the same user and item"
                    + " index spaces (make them with Interactions.select or filter on one log)");
        }
    }

    /** Train and test parts with an empty validation part (sharing the train part's index spaces). */
    public static SplitResult trainTest(Interactions train, Interactions test, String describe) {
        return new SplitResult(train, train.select(new int[0]), test, describe);
    }

    /** Whether the validation part has any rows. */
    public boolean hasValidation() {
        return !validation.isEmpty();
    }

    /** Total rows over the three parts (smaller than the source when a split drops rows). */
    public int size() {
        return train.size() + validation.size() + test.size();
    }

    /** A one-line summary with the part sizes; {@link #describe()} is the full account. */
    @Override
    public String toString() {
        return "SplitResult[train=" + train.size() + ", validation=" + validation.size() + ", test=" + test.size()
                + "]";
    }
}
