package ai.behavior.examples;

import ai.behavior.metric.AveragePrecision;
import ai.behavior.metric.BinaryConfusion;
import ai.behavior.metric.F1Threshold;
import ai.behavior.metric.LogLoss;
import ai.behavior.metric.RocAuc;
import ai.behavior.metric.ZeroDivision;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The binary metrics the examples print: AUC, average precision, log-loss and F1. */
final class BinaryScores {
    private BinaryScores() {
    }

    /** 0/1 doubles as ints. */
    static int[] labels(double[] y) {
        return Arrays.stream(y).mapToInt(v -> (int) v).toArray();
    }

    /** AUC, PR-AUC and log-loss of {@code p}, plus the F1 at the best threshold on these very rows (optimistic). */
    static Map<String, Double> of(int[] truth, double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", RocAuc.of(truth, p));
        m.put("pr_auc", AveragePrecision.of(truth, p));
        m.put("log_loss", LogLoss.of(truth, p));
        m.put("best_f1", F1Threshold.search(truth, p).f1());
        return m;
    }

    /**
     * AUC, PR-AUC and log-loss on the test rows, and the test F1 at the threshold that maximised F1 on the
     * validation rows (an honest F1: the threshold never saw the test labels).
     */
    static Map<String, Double> withValidationThreshold(int[] test, double[] testP, int[] validation,
                                                       double[] validationP) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", RocAuc.of(test, testP));
        m.put("pr_auc", AveragePrecision.of(test, testP));
        m.put("log_loss", LogLoss.of(test, testP));
        double threshold = F1Threshold.search(validation, validationP).threshold();
        m.put("f1", BinaryConfusion.atThreshold(test, testP, threshold).f1(ZeroDivision.ZERO));
        return m;
    }
}
