package ai.behavior.models.mlp;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.metric.RocAuc;
import ai.behavior.models.TestIndex;
import ai.behavior.models.train.TrainingResult;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import ai.behavior.synth.ViewTruth;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Purchase prediction on the project's synthetic shop: one row per VIEW event, label = the view's cart line was
 * bought in the session; users split 60/20/20 into train, validation and test so that no shopper is in two
 * parts. The planted purchase probabilities give the best AUC any model can reach (they use the hidden
 * per-user propensity and whether the view came from a search, which the features do not see).
 */
class SyntheticShopMlpTest {
    @Test
    void mlpPredictsPurchasesOfHeldOutShoppers() {
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(2_000).withSeed(11));
        ViewTruth views = shop.truth().views();
        Interactions log = shop.interactions();
        int n = views.size();
        FeatureFrame all = frame(shop, views);
        double[] label = new double[n];
        for (int k = 0; k < n; k++) {
            label[k] = views.purchased()[k] ? 1 : 0;
        }
        int[] train = IntStream.range(0, n).filter(k -> log.user(views.rows()[k]) % 5 < 3).toArray();
        int[] valid = IntStream.range(0, n).filter(k -> log.user(views.rows()[k]) % 5 == 3).toArray();
        int[] test = IntStream.range(0, n).filter(k -> log.user(views.rows()[k]) % 5 == 4).toArray();

        Pipeline pipeline = Pipeline.builder()
                .add("log_dwell", Standardize.of("log_dwell"))
                .add("log_price", Standardize.of("log_price"))
                .add("age", Standardize.of("age").missing(MissingValues.mean()))
                .add("segment", new TestIndex("segment"))
                .add("region", new TestIndex("region"))
                .add("category", new TestIndex("category"))
                .add("brand", new TestIndex("brand"))
                .build();
        FeatureFrame trainFrame = all.select(train);
        Pipeline.Fit fit = pipeline.fitTransform(trainFrame, FitContext.unsupervised());
        FittedPipeline fitted = fit.pipeline();
        FeatureMatrix validX = fitted.transform(all.select(valid));
        FeatureMatrix testX = fitted.transform(all.select(test));

        MlpOptions options = MlpOptions.binary().withHidden(64, 32).withDropout(0.1)
                .withTraining(MlpTest.quick(MlpTask.BINARY).training().withEpochs(10).withBatchSize(512)
                        .withPatience(3));
        try (MlpModel m = Mlp.fit(fit.training(), pick(label, train), validX, pick(label, valid), options, fitted)) {
            double[] p = m.predict(testX);
            double auc = RocAuc.of(toInts(pick(label, test)), p);
            double oracle = RocAuc.of(toInts(pick(label, test)), pick(views.purchaseProbability(), test));
            TrainingResult r = m.training().orElseThrow();
            System.out.printf(Locale.ROOT, "synthetic shop: %,d views (%,d train, %.2f%% bought); held-out AUC %.4f, "
                    + "planted-probability AUC %.4f; kept epoch %d of %d, %.0f rows/s%n", n, train.length,
                    100 * mean(label), auc, oracle, r.bestEpoch(), r.epochs().size(), r.rowsPerSecond());
            assertTrue(auc > 0.65, "held-out AUC " + auc);
            assertTrue(auc < oracle + 0.01, "AUC " + auc + " cannot beat the planted probabilities " + oracle);
        }
    }

    /** One row per view: log dwell, log price, user age, segment, region, item category and brand. */
    private static FeatureFrame frame(ShopData shop, ViewTruth views) {
        Interactions log = shop.interactions();
        AttributeTable users = shop.users();
        AttributeTable items = shop.items();
        int n = views.size();
        double[] dwell = new double[n];
        double[] price = new double[n];
        double[] age = new double[n];
        int[] segment = new int[n];
        int[] region = new int[n];
        int[] category = new int[n];
        int[] brand = new int[n];
        for (int k = 0; k < n; k++) {
            int row = views.rows()[k];
            int u = log.user(row);
            int i = log.item(row);
            dwell[k] = Math.log(log.value(row));
            price[k] = Math.log(items.numeric("price").get(i));
            age[k] = users.numeric("age").getOrDefault(u, Double.NaN);
            segment[k] = users.categorical("segment").code(u);
            region[k] = users.categorical("region").code(u);
            category[k] = items.categorical("category").code(i);
            brand[k] = items.categorical("brand").code(i);
        }
        return FeatureFrame.builder(n).numeric("log_dwell", dwell).numeric("log_price", price).numeric("age", age)
                .categorical("segment", segment, users.categorical("segment").vocabulary())
                .categorical("region", region, users.categorical("region").vocabulary())
                .categorical("category", category, items.categorical("category").vocabulary())
                .categorical("brand", brand, items.categorical("brand").vocabulary())
                .build();
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] toInts(double[] y) {
        return MlpTest.toInts(y);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }
}
