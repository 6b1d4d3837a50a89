package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.categorical.IndexEncoder;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.metric.RocAuc;
import ai.behavior.models.train.TrainingResult;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality check on the synthetic shop with planted purchase probabilities: "the MLP's test AUC within
 * 0.01 of the AUC of the true probabilities (the best any model can do)". Two experiments, one row per VIEW,
 * label = the view's cart line was bought (see {@link ShopViews} for the inputs, all handed out by the generator):
 * <ol>
 *   <li><b>Oracle inputs</b> (the assertion of the issue): the MLP is fed the generator's own inputs of the
 *   planted function (affinity, dwell residual, the two price terms, propensity, searched / repeat / owned) and
 *   must come within 0.01 AUC of the planted probabilities on views of held-out shoppers. This shows that the
 *   training machinery learns the planted function when it is learnable.</li>
 *   <li><b>Observable features</b>: only what a shop knows at the moment of a view (dwell, price, price against
 *   the category's median, searched, bought before, the shopper's history before the view, session position,
 *   user / item / category / segment ids), trained on the first 60 % of views in time and tested on the last
 *   20 %. The gap to the planted AUC is the information the log does not hold: the hidden propensity and
 *   taste-item affinity are only partly recoverable from a few dozen views per shopper, and dwell mixes
 *   affinity with noise.</li>
 * </ol>
 */
class PlantedPurchaseAucTest {
    private static ShopViews shop(int users, long seed) {
        ShopData data = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(users).withSeed(seed));
        return new ShopViews(data);
    }

    @Test
    void fedThePlantedInputsTheMlpMatchesThePlantedProbabilities() {
        ShopViews v = shop(4_000, 5);
        // every planted probability is recomputed from the inputs the model gets (the generator's own, to rounding)
        double error = v.maxReconstructionError();
        System.out.printf(Locale.ROOT, "planted inputs: %,d views, max |p - planted| %.2e%n", v.n, error);
        assertTrue(error < 1e-12, "reconstruction error " + error);

        int[] train = IntStream.range(0, v.n).filter(k -> v.user[k] % 5 < 3).toArray();
        int[] valid = IntStream.range(0, v.n).filter(k -> v.user[k] % 5 == 3).toArray();
        int[] test = IntStream.range(0, v.n).filter(k -> v.user[k] % 5 == 4).toArray();
        Pipeline.Builder p = Pipeline.builder();
        for (String c : new String[] {"affinity", "dwell_z", "price_term", "checkout_price_term", "propensity",
                "searched", "repeat", "owned"}) {
            p.add(c, Standardize.of(c));
        }
        Pipeline.Fit fit = p.build().fitTransform(v.plantedInputs(train), FitContext.unsupervised());
        FeatureMatrix validX = fit.pipeline().transform(v.plantedInputs(valid));
        FeatureMatrix testX = fit.pipeline().transform(v.plantedInputs(test));
        MlpOptions options = MlpOptions.binary().withHidden(32, 16).withDropout(0)
                .withTraining(MlpTest.quick(MlpTask.BINARY).training().withEpochs(25).withBatchSize(512)
                        .withLearningRate(3e-3).withPatience(5));
        try (MlpModel m = Mlp.fit(fit.training(), ShopViews.pick(v.label, train), validX,
                ShopViews.pick(v.label, valid), options, fit.pipeline())) {
            int[] truth = toInts(ShopViews.pick(v.label, test));
            double auc = RocAuc.of(truth, m.predict(testX));
            double planted = RocAuc.of(truth, ShopViews.pick(v.views.purchaseProbability(), test));
            TrainingResult r = m.training().orElseThrow();
            System.out.printf(Locale.ROOT, "oracle inputs: %,d test views (%d bought): MLP AUC %.4f, planted AUC "
                    + "%.4f, gap %.4f; kept epoch %d of %d%n", test.length, (int) Arrays.stream(truth).sum(), auc,
                    planted, planted - auc, r.bestEpoch(), r.epochs().size());
            assertEquals(planted, auc, 0.01, "MLP on the planted inputs vs the planted probabilities");
        }
    }

    @Test
    void fromObservableFeaturesTheGapIsWhatTheLogDoesNotHold() {
        // -Dbehavior.plantedUsers=20000 turns this into the documented measurement (and adds the id variant)
        int users = Integer.getInteger("behavior.plantedUsers", 3_000);
        ShopViews v = shop(users, 6);
        double[] plain = observableAuc(v, false);
        System.out.printf(Locale.ROOT, "observable features, %,d shoppers, %,d views; test = last 20%% in time (%,d "
                + "views, %d bought): MLP AUC %.4f, planted AUC %.4f, gap %.4f%n", users, v.n, (int) plain[2],
                (int) plain[3], plain[0], plain[1], plain[1] - plain[0]);
        if (users != 3_000) {
            double[] ids = observableAuc(v, true);
            System.out.printf(Locale.ROOT, "  with user and item id embeddings too: MLP AUC %.4f (best epoch %d)%n",
                    ids[0], (int) ids[4]);
        }
        // well above chance and the shopper-split test without history (0.77 there); never above the optimum
        assertTrue(plain[0] > 0.75, "observable-feature AUC " + plain[0]);
        assertTrue(plain[0] < plain[1] + 0.01, "AUC " + plain[0] + " cannot beat the planted AUC " + plain[1]);
    }

    /** {MLP AUC, planted AUC, test views, test purchases, kept epoch} on the last 20 % of views in time. */
    private static double[] observableAuc(ShopViews v, boolean ids) {
        Integer[] byTime = IntStream.range(0, v.n).boxed().toArray(Integer[]::new);
        Arrays.sort(byTime, (a, b) -> Long.compare(v.time[a], v.time[b]));
        int[] order = Arrays.stream(byTime).mapToInt(Integer::intValue).toArray();
        int[] train = Arrays.copyOfRange(order, 0, v.n * 6 / 10);
        int[] valid = Arrays.copyOfRange(order, v.n * 6 / 10, v.n * 8 / 10);
        int[] test = Arrays.copyOfRange(order, v.n * 8 / 10, v.n);
        Pipeline.Builder p = Pipeline.builder();
        for (String c : new String[] {"log_dwell", "log_price", "rel_price", "searched", "bought_before",
                "leading_no_click", "prior_views", "prior_carts", "prior_purchases", "prior_mean_log_dwell",
                "session_position", "item_views_before", "category_share_before", "category_carts_before"}) {
            p.add(c, Standardize.of(c));
        }
        for (String c : ids ? new String[] {"user", "item", "segment", "category", "consumable"}
                : new String[] {"segment", "category", "consumable"}) {
            p.add(c, IndexEncoder.of(c));
        }
        Pipeline.Fit fit = p.build().fitTransform(v.observable(train), FitContext.unsupervised());
        FittedPipeline fitted = fit.pipeline();
        MlpOptions options = MlpOptions.binary().withHidden(64, 32).withDropout(0.1)
                .withTraining(MlpTest.quick(MlpTask.BINARY).training().withEpochs(20).withBatchSize(512)
                        .withLearningRate(2e-3).withWeightDecay(1e-5).withPatience(4));
        try (MlpModel m = Mlp.fit(fit.training(), ShopViews.pick(v.label, train),
                fitted.transform(v.observable(valid)), ShopViews.pick(v.label, valid), options, fitted)) {
            int[] truth = toInts(ShopViews.pick(v.label, test));
            double auc = RocAuc.of(truth, m.predict(v.observable(test)));
            double planted = RocAuc.of(truth, ShopViews.pick(v.views.purchaseProbability(), test));
            return new double[] {auc, planted, test.length, Arrays.stream(truth).sum(),
                    m.training().orElseThrow().bestEpoch()};
        }
    }

    private static int[] toInts(double[] y) {
        return MlpTest.toInts(y);
    }
}
