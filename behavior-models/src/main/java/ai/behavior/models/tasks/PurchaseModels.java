package ai.behavior.models.tasks;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.models.fusion.Fusion;
import ai.behavior.models.fusion.FusionMode;
import ai.behavior.models.fusion.FusionModel;
import ai.behavior.models.fusion.FusionOptions;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings each model of the purchase task is tuned over, and how one setting is fitted and scored: the
 * logistic baseline on every training row; the neural models on every positive and a share of the negatives
 * (probabilities corrected back), averaged over seeds.
 */
final class PurchaseModels {
    private PurchaseModels() {
    }

    /**
     * One fold's matrices under one feature set (named by {@code features}); the neural training rows keep
     * negatives with probability {@code rate}.
     */
    record Parts(String features, FeatureMatrix train, double[] trainLabels, FeatureMatrix sampled,
                 double[] sampledLabels, FeatureMatrix valid, double[] validLabels, FeatureMatrix test, double rate) {
        /** Undoes negative down-sampling: {@code p / (p + (1 - p) / rate)}. */
        double[] calibrate(double[] p) {
            if (rate == 1) {
                return p;
            }
            double[] q = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                q[i] = p[i] / (p[i] + (1 - p[i]) / rate);
            }
            return q;
        }
    }

    /** One fitted setting: its validation AUC, validation and test probabilities. */
    record Fitted(String setting, double validationAuc, double[] valid, double[] test) {
    }

    /** A setting not yet fitted. */
    interface Candidate {
        Fitted fit();
    }

    /** The logistic baseline: one candidate per L2 strength (1e-4 .. 1 in decades with the full grid). */
    static List<Candidate> logistic(Parts p, TaobaoPurchaseOptions o) {
        double[] grid = o.fullGrid() ? new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1} : new double[] {1e-3};
        List<Candidate> out = new ArrayList<>();
        for (double l2 : grid) {
            out.add(() -> {
                LogisticModel m = LogisticRegression.fit(p.train, p.trainLabels, LogisticOptions.defaults().l2(l2),
                        null);
                double[] v = m.predict(p.valid);
                return new Fitted(p.features + ", l2 " + l2, BinaryScores.auc(ints(p.validLabels), v), v,
                        m.predict(p.test));
            });
        }
        return out;
    }

    /** The neural training loop's settings: Adam 3e-3, batch 256, weight decay 1e-4, patience 8. */
    static TrainingOptions training(TaobaoPurchaseOptions o) {
        return TrainingOptions.defaults().withEpochs(o.epochs()).withBatchSize(256).withLearningRate(3e-3)
                .withWeightDecay(1e-4).withPatience(8).withSeed(o.seed());
    }

    /** The MLP's candidates. */
    static List<Candidate> mlp(Parts p, TaobaoPurchaseOptions o) {
        List<MlpOptions> grid = new ArrayList<>();
        grid.add(MlpOptions.binary().withHidden(128, 64).withDropout(0.5).withTraining(training(o)));
        if (o.fullGrid()) {
            grid.add(MlpOptions.binary().withHidden(64, 32).withDropout(0.3).withTraining(training(o)));
        }
        List<Candidate> out = new ArrayList<>();
        for (MlpOptions m : grid) {
            out.add(() -> ensemble(p, o, p.features + ", hidden " + m.hidden() + ", dropout " + m.dropout(), seed -> {
                MlpOptions s = m.withTraining(m.training().withSeed(seed));
                try (MlpModel model = Mlp.fit(p.sampled, p.sampledLabels, p.valid, p.validLabels, s, null)) {
                    return new double[][] {model.predict(p.valid), model.predict(p.test)};
                }
            }));
        }
        return out;
    }

    /** The fused sequence model's candidates: the three fusions of the token encoding with the pair features. */
    static List<Candidate> fusion(Parts p, TaobaoPurchaseOptions o) {
        FusionOptions base = FusionOptions.defaults().withDim(32).withHidden(128, 64).withDropout(0.5)
                .withTraining(training(o));
        List<FusionOptions> grid = new ArrayList<>();
        grid.add(base.withMode(FusionMode.CONCAT));
        if (o.fullGrid()) {
            grid.add(base.withMode(FusionMode.WEIGHTED_SUM));
            grid.add(base.withMode(FusionMode.ATTENTION));
        }
        SequenceEncoderFactory encoder = o.encoder().factory();
        List<Candidate> out = new ArrayList<>();
        for (FusionOptions f : grid) {
            out.add(() -> ensemble(p, o, p.features + ", " + f.describe() + ", " + encoder.describe(), seed -> {
                FusionOptions s = f.withTraining(f.training().withSeed(seed));
                try (FusionModel model = Fusion.fit(p.sampled, p.sampledLabels, p.valid, p.validLabels, encoder, s)) {
                    return new double[][] {model.predict(p.valid), model.predict(p.test)};
                }
            }));
        }
        return out;
    }

    /** Fits one setting {@code ensemble} times and averages the corrected probabilities. */
    private static Fitted ensemble(Parts p, TaobaoPurchaseOptions o, String setting, SeededFit fit) {
        double[] v = new double[p.valid.rows()];
        double[] t = new double[p.test.rows()];
        for (int e = 0; e < o.ensemble(); e++) {
            double[][] vt = fit.run(o.seed() + e);
            add(v, p.calibrate(vt[0]), o.ensemble());
            add(t, p.calibrate(vt[1]), o.ensemble());
        }
        String name = o.ensemble() > 1 ? setting + ", mean of " + o.ensemble() + " seeds" : setting;
        return new Fitted(name, BinaryScores.auc(ints(p.validLabels), v), v, t);
    }

    /** Validation and test probabilities of one seeded fit. */
    private interface SeededFit {
        double[][] run(long seed);
    }

    private static void add(double[] sum, double[] p, int n) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += p[i] / n;
        }
    }

    static int[] ints(double[] y) {
        int[] t = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = (int) y[i];
        }
        return t;
    }
}
