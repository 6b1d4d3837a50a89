package ai.behavior.examples;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.categorical.OneHot;
import ai.behavior.feature.categorical.TargetEncoder;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.label.PurchaseWithin;
import ai.behavior.feature.numeric.Log1p;
import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.privacy.Coarsen;
import ai.behavior.feature.privacy.Pseudonymizer;
import ai.behavior.feature.select.Pca;
import ai.behavior.feature.sequence.SequenceBuilder;
import ai.behavior.feature.sequence.SequenceEncoder;
import ai.behavior.feature.sequence.UserSequences;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Java blocks of docs/features.md, pasted unchanged between the marked lines ({@link GuideSnippetsTest}
 * checks that every line of the guide's blocks appears in a test).
 */
class FeatureGuideTest {
    @TempDir
    Path tmp;

    @Test
    void purchaseFeaturesAndBaseline() throws IOException {
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(2_000).withDays(45));
        Interactions log = shop.interactions();
        Path dir = tmp.resolve("purchase-model");
        // --- features.md block 1 ---
        long cutoff = log.maxTimestamp() - Duration.ofDays(7).toMillis();
        FeatureFrame users = UserAggregates.compute(log, shop.items(), cutoff, AggregateOptions.defaults())
                .leftJoin(FeatureFrame.of(shop.users()));                  // behaviour + attributes, by user id
        LabeledUsers labeled = new LabeledUsers(users.keys(),
                PurchaseWithin.of(log, users.keys(), cutoff, Duration.ofDays(7)));
        LabeledUsers.Split split = labeled.split(0.3, 42);                 // by user, stratified
        FeatureFrame train = users.select(split.train().rowsIn(users));

        Pipeline pipeline = Pipeline.builder()
                .add("frequency", Log1p.of("frequency").thenStandardize())
                .add("view_7d", Log1p.of("view_7d").thenStandardize())
                .add("recency", Log1p.of("recency_days").thenStandardize())
                .add("purchase_recency", Log1p.of("purchase_recency_days").thenStandardize()
                        .missing(MissingValues.median().withIndicator()))  // never bought: impute + flag
                .add("region", OneHot.of("region").withOther())
                .add("age_band", TargetEncoder.of("age_band"))             // out-of-fold on training rows
                .build();
        Pipeline.Fit fit = pipeline.fitTransform(train, FitContext.withLabels(split.train().labels()));
        System.out.println(fit.pipeline().describe());

        LogisticModel model = LogisticRegression.fit(fit.training(), split.train().labels(),
                LogisticOptions.defaults(), fit.pipeline());
        model.save(dir);                                                   // weights + pipeline, checksummed
        double[] p = LogisticModel.load(dir).predict(users.select(split.test().rowsIn(users)));
        // --- end ---
        assertEquals(split.test().size(), p.length);
        assertTrue(fit.pipeline().schema().denseWidth() > 6);
    }

    @Test
    void sequencesForRecurrentModels() {
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(500).withDays(30));
        Interactions log = shop.interactions();
        long cutoff = log.maxTimestamp() - Duration.ofDays(3).toMillis();
        // --- features.md block 2 ---
        UserSequences seq = SequenceBuilder.lastEvents(50).withCategories(shop.items(), "category")
                .ofTypes(EventType.VIEW, EventType.CART, EventType.PURCHASE).build(log, cutoff);
        FittedPipeline items = Pipeline.builder()
                .add("items", SequenceEncoder.of(UserSequences.ITEMS, 50).minCount(2))   // 0 pad, 1 unknown
                .add("categories", SequenceEncoder.of(UserSequences.CATEGORIES, 50))
                .build().fit(seq.frame());
        FeatureMatrix x = items.transform(seq.frame());
        int[] ids = x.sequenceIds(0);       // rows x 50, most recent event last (left padding)
        float[] mask = x.sequenceMask(0);   // 1 = event, 0 = padding
        // --- end ---
        assertEquals(seq.size() * 50, ids.length);
        assertEquals(ids.length, mask.length);
    }

    @Test
    void privacyBeforeModelling() {
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(200).withDays(10));
        Interactions log = shop.interactions();
        AttributeTable userTable = shop.users();
        byte[] secret = "a key of at least thirty-two bytes, kept out of the repo".getBytes(StandardCharsets.UTF_8);
        // --- features.md block 3 ---
        Pseudonymizer ids = Pseudonymizer.withKey(secret);          // or Pseudonymizer.fromEnvironment("BEHAVIOR_ID_KEY")
        Interactions pseudonymous = ids.pseudonymizeUsers(log);    // the same digest for the same id and key
        AttributeTable coarse = Coarsen.ageBand(ids.pseudonymizeKeys(userTable), "age", "age_group", 18, 25, 35, 50, 65);
        // --- end ---
        assertEquals(log.size(), pseudonymous.size());
        assertNotEquals(log.users().id(0), pseudonymous.users().id(0));
        assertTrue(coarse.columnNames().contains("age_group"));
    }

    @Test
    void reducersAfterColumnSteps() {
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(800).withDays(30));
        Interactions log = shop.interactions();
        long cutoff = log.maxTimestamp() - Duration.ofDays(5).toMillis();
        FeatureFrame users = UserAggregates.compute(log, cutoff, AggregateOptions.defaults());
        // --- features.md block 4 ---
        Pipeline.Builder b = Pipeline.builder();
        for (String column : new String[] {"view_1d", "view_7d", "view_30d", "cart_7d", "cart_30d", "frequency"}) {
            b.add(column, Log1p.of(column).thenStandardize());
        }
        FittedPipeline reduced = b.reduce("pca", Pca.varianceShare(0.95)).build().fit(users);
        System.out.println(reduced.describe());   // explained variance per component
        // --- end ---
        assertTrue(reduced.schema().denseWidth() < 6, reduced.describe());
    }
}
