package ai.behavior.models.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The protocol of the {@link TaobaoPurchaseTask}: the cut-off and label horizon, the earlier cut-offs that add
 * training rows, the test origins, the user folds, the token sequence length, training epochs, the bootstrap and
 * whether to tune over the full grids.
 *
 * <pre>{@code
 * TaobaoPurchaseOptions o = TaobaoPurchaseOptions.defaults().withFolds(3).withLog(System.out::println);
 * }</pre>
 *
 * @param cutoff          the latest cut-off, the last test origin (default 2017-12-02 00:00 China time, UTC+8 =
 *                        2017-12-01T16:00Z)
 * @param horizon         at every cut-off {@code c}, labels count purchases in {@code [c, c + horizon)} (default 2
 *                        days: at the latest cut-off, to the end of the data, 2017-12-03 24:00 UTC+8)
 * @param earlierCutoffs  extra training snapshots at {@code cutoff - 1 day, - 2 days, ...}, each with the same
 *                        horizon (default 6: back to 2017-11-26, the second day of the data); every cut-off's
 *                        rows of the training and validation users train and validate
 * @param testOrigins     how many of the cut-offs, counted back from {@code cutoff}, are test origins (default 5:
 *                        2017-11-28 .. 12-02): the test users' rows at each test origin are pooled into the test
 *                        set (several test origins, not walk-forward: models fit once per fold on the other
 *                        users' rows at every cut-off); 1 = the single-cut-off protocol (test at {@code cutoff}
 *                        only); in [1, 1 + earlierCutoffs]
 * @param folds           user folds, &gt;= 2 (default 5): each user is a test user once
 * @param validationShare share of each fold's non-test users that validate (tuning, early stopping and the F1
 *                        threshold), in (0, 1) (default 0.25)
 * @param seed            seeds the folds, the training and the bootstrap (default 42)
 * @param maxTokens       events in each row's token sequence, &gt;= 1 (default 50)
 * @param epochs          most epochs of each neural fit, &gt;= 1 (default 20; early stopping on validation AUC)
 * @param bootstrap       bootstrap resamples of the AUC interval, &gt;= 10 (default 1000)
 * @param fullGrid        whether to tune each model over its grid (default true; false: one setting each, for
 *                        fast checks)
 * @param negativeRate    the neural models train on every positive row and this share of the negative rows
 *                        (drawn once per fold), and their probabilities are corrected back with
 *                        {@code p / (p + (1 - p) / rate)}; in (0, 1] (default 0.1)
 * @param ensemble        each neural setting is trained this many times with different seeds and the
 *                        probabilities averaged, &gt;= 1 (default 3)
 * @param encoder         the token sequence encoder of the fused model (default {@link TokenEncoder#MEAN_POOL})
 * @param log             receives progress lines (default: none)
 */
public record TaobaoPurchaseOptions(Instant cutoff, Duration horizon, int earlierCutoffs, int testOrigins, int folds,
                                    double validationShare, long seed, int maxTokens, int epochs, int bootstrap,
                                    boolean fullGrid, double negativeRate, int ensemble, TokenEncoder encoder,
                                    Consumer<String> log) {
    /** The default evaluation cut-off: 2017-12-02 00:00 in China (UTC+8). */
    public static final Instant DEFAULT_CUTOFF = Instant.parse("2017-12-01T16:00:00Z");

    /** Checks every option, naming the bad one. */
    public TaobaoPurchaseOptions {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizon);
        }
        if (earlierCutoffs < 0 || folds < 2 || maxTokens < 1 || epochs < 1 || bootstrap < 10) {
            throw new IllegalArgumentException("need earlierCutoffs >= 0, folds >= 2, maxTokens >= 1, epochs >= 1 and "
                    + "bootstrap >= 10, got " + earlierCutoffs + ", " + folds + ", " + maxTokens + ", " + epochs + ", "
                    + bootstrap);
        }
        if (testOrigins < 1 || testOrigins > 1 + earlierCutoffs) {
            throw new IllegalArgumentException("testOrigins must be in [1, 1 + earlierCutoffs = " + (1 + earlierCutoffs)
                    + "]: the test origins are the latest of the cut-offs; got " + testOrigins);
        }
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in (0, 1), got " + validationShare);
        }
        if (!(negativeRate > 0 && negativeRate <= 1) || ensemble < 1) {
            throw new IllegalArgumentException("need negativeRate in (0, 1] and ensemble >= 1, got " + negativeRate
                    + " and " + ensemble);
        }
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(log, "log");
    }

    /** The documented defaults. */
    public static TaobaoPurchaseOptions defaults() {
        return new TaobaoPurchaseOptions(DEFAULT_CUTOFF, Duration.ofDays(2), 6, 5, 5, 0.25, 42, 50, 20, 1000, true, 0.1,
                3, TokenEncoder.MEAN_POOL, line -> { });
    }

    /** A copy with {@link #cutoff()} replaced. */
    public TaobaoPurchaseOptions withCutoff(Instant value) {
        return new TaobaoPurchaseOptions(value, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #horizon()} replaced. */
    public TaobaoPurchaseOptions withHorizon(Duration value) {
        return new TaobaoPurchaseOptions(cutoff, value, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #earlierCutoffs()} replaced. */
    public TaobaoPurchaseOptions withEarlierCutoffs(int value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, value, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #testOrigins()} replaced (1 = the single-cut-off protocol). */
    public TaobaoPurchaseOptions withTestOrigins(int value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, value, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #folds()} replaced. */
    public TaobaoPurchaseOptions withFolds(int value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, value, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #validationShare()} replaced. */
    public TaobaoPurchaseOptions withValidationShare(double value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, value, seed, maxTokens,
                epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #seed()} replaced. */
    public TaobaoPurchaseOptions withSeed(long value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, value,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #maxTokens()} replaced. */
    public TaobaoPurchaseOptions withMaxTokens(int value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                value, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #epochs()} replaced. */
    public TaobaoPurchaseOptions withEpochs(int value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, value, bootstrap, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #bootstrap()} replaced. */
    public TaobaoPurchaseOptions withBootstrap(int value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, value, fullGrid, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #fullGrid()} replaced. */
    public TaobaoPurchaseOptions withFullGrid(boolean value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, value, negativeRate, ensemble, encoder, log);
    }

    /** A copy with {@link #negativeRate()} replaced. */
    public TaobaoPurchaseOptions withNegativeRate(double value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, value, ensemble, encoder, log);
    }

    /** A copy with {@link #ensemble()} replaced. */
    public TaobaoPurchaseOptions withEnsemble(int value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, value, encoder, log);
    }

    /** A copy with {@link #encoder()} replaced. */
    public TaobaoPurchaseOptions withEncoder(TokenEncoder value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, value, log);
    }

    /** A copy with {@link #log()} replaced. */
    public TaobaoPurchaseOptions withLog(Consumer<String> value) {
        return new TaobaoPurchaseOptions(cutoff, horizon, earlierCutoffs, testOrigins, folds, validationShare, seed,
                maxTokens, epochs, bootstrap, fullGrid, negativeRate, ensemble, encoder, value);
    }
}
