package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;

/**
 * Early stopping on a held-out validation set: after every epoch the model's RMSE on the validation ratings
 * (clipped predictions, as evaluation sees them) is measured; training stops once it has not improved for
 * {@code patience} epochs in a row, and with {@code restoreBest} the parameters of the best epoch are kept.
 *
 * <pre>{@code
 * SplitResult s = new RandomSplit(Ratios.of(0.8, 0.1, 0.1), RandomSplit.Scope.PER_USER, 42).apply(ratings);
 * BiasedMf m = BiasedMf.fitSgd(s.train(), SgdOptions.defaults().withEarlyStopping(s.validation(), 3));
 * }</pre>
 *
 * <p>Only the {@link ai.behavior.data.EventType#RATING} events of {@code validation} count (the latest of a
 * repeated user-item pair, as in training). Validation ratings of users or items without training ratings
 * are predicted with the usual fallback. The validation set is not saved with a model.
 *
 * @param validation  held-out ratings sharing the training log's user and item indices (same ids, same order)
 * @param patience    epochs without improvement before stopping ({@code >= 1})
 * @param restoreBest keep the best epoch's parameters instead of the last epoch's
 */
public record EarlyStopping(Interactions validation, int patience, boolean restoreBest) {
    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if {@code validation} is null or has no events, or {@code patience < 1}
     */
    public EarlyStopping {
        OptionChecks.notNull("validation", validation);
        if (validation.isEmpty()) {
            throw new IllegalArgumentException("early stopping needs a non-empty validation set");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1 epoch, got " + patience);
        }
    }
}
