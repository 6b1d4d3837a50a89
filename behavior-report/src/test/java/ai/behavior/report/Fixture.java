package ai.behavior.report;

import ai.behavior.analysis.Calibration;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.metric.PrecisionRecallCurve;
import ai.behavior.metric.RocCurve;
import ai.behavior.synth.SyntheticShop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** A full evaluation run's worth of report inputs, made from seeded synthetic numbers. */
final class Fixture {
    static final EvaluationProtocol PURCHASE_PROTOCOL = EvaluationProtocol
            .pointwise("temporal cut at day 50; label = purchase in the next 7 days")
            .withOrdering(Ordering.TEMPORAL).withDataset("synthetic shop").withSeed(7);
    static final EvaluationProtocol RANKING_PROTOCOL = EvaluationProtocol
            .fullRanking("leave-last-1-out per user", 5, 10, 20, 50).withDataset("synthetic shop");

    final int[] truth;
    final double[] good;
    final double[] weak;

    private Fixture(int[] truth, double[] good, double[] weak) {
        this.truth = truth;
        this.good = good;
        this.weak = weak;
    }

    /**
     * 3000 rows: signal z standard normal, truth ~ Bernoulli(sigmoid(1.5 z - 1.5)); a "logistic" model
     * scores sigmoid(2 z - 1.2) (right ranking, over-confident), a "recency rule" scores a noisy version.
     */
    static Fixture scores() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 3000;
        int[] truth = new int[n];
        double[] good = new double[n];
        double[] weak = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            truth[i] = r.nextDouble() < sigmoid(1.5 * z - 1.5) ? 1 : 0;
            good[i] = sigmoid(2 * z - 1.2);
            weak[i] = sigmoid(0.6 * z + r.nextDouble(-1.5, 1.5) - 1);
        }
        return new Fixture(truth, good, weak);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    Map<String, RocCurve> rocCurves() {
        Map<String, RocCurve> m = new LinkedHashMap<>();
        m.put("logistic", RocCurve.of(truth, good));
        m.put("recency rule", RocCurve.of(truth, weak));
        return m;
    }

    Map<String, PrecisionRecallCurve> prCurves() {
        Map<String, PrecisionRecallCurve> m = new LinkedHashMap<>();
        m.put("logistic", PrecisionRecallCurve.of(truth, good));
        m.put("recency rule", PrecisionRecallCurve.of(truth, weak));
        return m;
    }

    Map<String, Calibration> calibrations() {
        Map<String, Calibration> m = new LinkedHashMap<>();
        m.put("logistic", Calibration.of(truth, good, 10));
        m.put("recency rule", Calibration.of(truth, weak, 10));
        return m;
    }

    /** Ten epochs of a loss falling from 0.69 and a validation AUC rising to about 0.81. */
    static TrainingHistory history() {
        TrainingHistory.Builder b = TrainingHistory.builder("log-loss", "validation AUC");
        for (int e = 1; e <= 10; e++) {
            b.epoch(e, 0.42 + 0.27 * Math.exp(-0.45 * (e - 1)), 0.81 - 0.13 * Math.exp(-0.5 * (e - 1)));
        }
        return b.build();
    }

    /** Two recommenders at K = 5, 10, 20, 50 (numbers made up, recall rising with K). */
    static MetricsReport ranking() {
        return MetricsReport.builder("Top-K recommendation", RANKING_PROTOCOL)
                .row("implicit ALS", values(0.081, 0.127, 0.188, 0.291, 0.052, 0.067, 0.083, 0.104),
                        Map.of("users evaluated", 2940L))
                .row("popularity", values(0.043, 0.071, 0.112, 0.190, 0.027, 0.036, 0.046, 0.062),
                        Map.of("users evaluated", 2940L))
                .build();
    }

    private static Map<String, Double> values(double... v) {
        Map<String, Double> m = new LinkedHashMap<>();
        int[] ks = {5, 10, 20, 50};
        for (int i = 0; i < 4; i++) {
            m.put("recall@" + ks[i], v[i]);
        }
        for (int i = 0; i < 4; i++) {
            m.put("ndcg@" + ks[i], v[4 + i]);
        }
        return m;
    }

    private static Interactions log;

    /** A small synthetic shop log for the data summary (made once: logs are immutable). */
    static synchronized Interactions log() {
        if (log == null) {
            log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(300).withSeed(5)).interactions();
        }
        return log;
    }

    /** The full report of a run. */
    static Report report() {
        Fixture f = scores();
        MetricsReport binary = MetricsReport.builder("Purchase in the next 7 days", PURCHASE_PROTOCOL)
                .row("logistic", Map.of("AUC", f.rocCurves().get("logistic").area()))
                .row("recency rule", Map.of("AUC", f.rocCurves().get("recency rule").area()))
                .build();
        Map<String, Interactions> logs = new LinkedHashMap<>();
        logs.put("all events", log());
        return Report.builder("Purchase model & recommenders <evaluation>")
                .subtitle("synthetic shop, 300 users")
                .protocol(PURCHASE_PROTOCOL)
                .dataSummary(DataSummary.of(logs))
                .metrics(binary)
                .metrics(ranking())
                .plot(Plots.roc(f.rocCurves()))
                .plot(Plots.precisionRecall(f.prCurves()))
                .plot(Plots.calibration(f.calibrations()))
                .plot(Plots.trainingHistory(history()))
                .plot(Plots.metricAtK(ranking(), "recall"))
                .plot(Plots.metricAtK(ranking(), "ndcg"))
                .text("Feature importance", "feature | mean\nx1      | 0.31\nx2      | 0.00",
                        "Permutation importance, AUC drop over 5 shuffles.")
                .build();
    }
}
