package ai.behavior.feature;

import ai.behavior.data.Interactions;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.task.UserPurchaseTask;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.metric.RocAuc;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The features issue's end-to-end check: on the synthetic shop, per-user behaviour aggregates up to a cut-off
 * plus user attributes, a pipeline fitted on training users only, and a logistic baseline predicting a
 * purchase in the 7 days after the cut-off for held-out users ({@link UserPurchaseTask} and its default pipeline).
 */
class PurchasePredictionEndToEndTest {
    private static final Duration HORIZON = Duration.ofDays(7);

    private static ShopData shop;
    private static long cutoff;
    private static FeatureFrame users;
    private static LabeledUsers.Split split;
    private static UserPurchaseTask task;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTask() {
        shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(4_000).withDays(60).withSeed(11));
        Interactions log = shop.interactions();
        cutoff = log.maxTimestamp() - HORIZON.toMillis();
        task = UserPurchaseTask.build(log, shop.items(), shop.users(), cutoff, HORIZON);
        users = task.users();
        split = task.labels().split(0.3, 5);
    }

    @Test
    void logisticBaselineOnTrainOnlyFeaturesBeatsRandomOnHeldOutUsers() throws IOException {
        FeatureFrame train = users.select(split.train().rowsIn(users));
        FeatureFrame test = users.select(split.test().rowsIn(users));
        Pipeline.Fit fit = task.defaultPipeline().fitTransform(train, FitContext.withLabels(split.train().labels()));
        LogisticModel model = LogisticRegression.fit(fit.training(), split.train().labels(),
                LogisticOptions.defaults().l2(1e-3), fit.pipeline());
        double[] p = model.predict(test);
        double auc = RocAuc.of(java.util.Arrays.stream(split.test().labels()).mapToInt(y -> (int) y).toArray(), p);
        System.out.printf("purchase within 7 days: %d train / %d test users, positive rate %.3f, held-out AUC %.3f%n",
                split.train().size(), split.test().size(), split.test().positiveRate(), auc);
        assertTrue(split.test().positives() > 50, "enough positives to measure: " + split.test().positives());
        assertTrue(auc > 0.70, "held-out AUC " + auc);

        model.save(tmp.resolve("model"));
        assertArrayEquals(p, LogisticModel.load(tmp.resolve("model")).predict(test));
    }

    @Test
    void featuresDoNotChangeWhenTheFutureIsRemoved() {
        Interactions past = shop.interactions().filter(r -> shop.interactions().timestamp(r) < cutoff);
        FeatureFrame again = UserAggregates.compute(past, shop.items(), cutoff, AggregateOptions.defaults());
        FeatureFrame full = UserAggregates.compute(shop.interactions(), shop.items(), cutoff, AggregateOptions.defaults());
        assertEquals(full.rows(), again.rows());
        for (String c : full.columnNames()) {
            assertArrayEquals(full.numeric(c), again.numeric(c), c);
        }
    }
}
