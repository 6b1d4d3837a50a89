package ai.behavior.recsys.mf;

import ai.behavior.progress.Progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-epoch bookkeeping both trainers share: measures training (and validation) RMSE, reports progress,
 * and decides early stopping, keeping a snapshot of the best epoch's parameters when asked to restore it.
 */
final class EpochMonitor {
    private final String task;
    private final MfOptions options;
    private final RatingData train;
    private final RatingData validation;
    private final RatingRange clip;
    private final long startNanos = System.nanoTime();
    private double bestRmse = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private Parameters best;
    private int lastEpoch;

    EpochMonitor(String task, MfOptions options, RatingData train, RatingData validation, RatingRange clip) {
        this.task = task;
        this.options = options;
        this.train = train;
        this.validation = validation;
        this.clip = clip;
    }

    /**
     * Records epoch {@code epoch} (1-based) with parameters {@code params} and any extra metrics; returns
     * whether training should stop now.
     */
    boolean afterEpoch(int epoch, Parameters params, Map<String, Double> extra) {
        lastEpoch = epoch;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_rmse", params.rmse(train.byUser, clip));
        metrics.putAll(extra);
        boolean stop = false;
        if (validation != null) {
            double v = params.rmse(validation.byUser, clip);
            metrics.put("valid_rmse", v);
            if (v < bestRmse) {
                bestRmse = v;
                bestEpoch = epoch;
                if (options.earlyStopping().restoreBest()) {
                    best = params.copy();
                }
            }
            stop = epoch - bestEpoch >= options.earlyStopping().patience();
        }
        options.progress().update(new Progress(task, epoch, options.epochs(), metrics,
                (System.nanoTime() - startNanos) / 1e9));
        return stop;
    }

    /** The parameters to keep: the best epoch's snapshot when restoring, else {@code last}. */
    Parameters result(Parameters last) {
        return best != null && bestEpoch != lastEpoch ? best : last;
    }

    /** The epoch whose parameters {@link #result} returns. */
    int keptEpoch() {
        return best != null ? bestEpoch : lastEpoch;
    }
}
