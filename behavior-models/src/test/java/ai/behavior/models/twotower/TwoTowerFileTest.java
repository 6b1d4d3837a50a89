package ai.behavior.models.twotower;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.fusion.FusionModel;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-tower models saved and loaded: identical embeddings, identical top-K through the recommenders' serving path,
 * the pipelines and id indexes travel with the model, and every damage is named.
 */
class TwoTowerFileTest {
    private static final long DAY = 86_400_000L;
    private static ShopData shop;
    private static ShopRetrieval task;
    private static long cut;
    private static TwoTowerModel model;

    @TempDir
    Path dir;

    private static TwoTowerOptions options() {
        return TwoTowerOptions.defaults().withDim(16).withTraining(TrainingOptions.defaults().withEpochs(2)
                .withBatchSize(256).withLearningRate(2e-3).withDevice(DevicePolicy.CPU));
    }

    @BeforeAll
    static void train() {
        shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(300).withDays(40).withSeed(8));
        cut = shop.interactions().maxTimestamp() - 10 * DAY;
        task = ShopRetrieval.of(shop, cut - 20 * DAY, cut);
        TwoTowerContext context = TwoTowerContext.none().withPipelines(task.userPipeline(), task.itemPipeline())
                .withIds(shop.interactions().users(), shop.interactions().items());
        model = TwoTower.fit(task.train(), task.validation(), SequenceEncoderFactory.meanPool(16), options(),
                context);
    }

    @AfterAll
    static void free() {
        model.close();
    }

    private static List<Recommendations> topTen(TwoTowerScorer scorer) {
        UserItemMatrix seen = UserItemMatrix.of(task.split().train(), Weighting.counts());
        Popularity popularity = Popularity.fit(task.split().train(), Popularity.Options.defaults());
        Recommender r = new Recommender(scorer, seen, popularity);
        List<Recommendations> out = new ArrayList<>();
        for (String user : shop.interactions().users().ids()) {
            out.add(r.recommend(user, 10));
        }
        return out;
    }

    @Test
    void aLoadedModelEmbedsAndServesExactlyLikeTheSavedOne() throws IOException {
        Path folder = dir.resolve("two-tower");
        model.save(folder);
        try (TwoTowerModel again = TwoTowerModel.load(folder, DevicePolicy.CPU)) {
            assertArrayEquals(model.embedUsers(task.servingUsers()), again.embedUsers(task.servingUsers()));
            assertArrayEquals(model.embedItems(task.items()), again.embedItems(task.items()));
            assertEquals(model.options(), again.options());
            assertFalse(again.training().isPresent());
            // the scorer over the saved id indexes serves the same top-10 lists, scores included
            List<Recommendations> before = topTen(model.scorer(task.servingUsers(), task.items()));
            List<Recommendations> after = topTen(again.scorer(task.servingUsers(), task.items()));
            assertEquals(before, after);
            assertTrue(before.stream().anyMatch(r -> r.source() == Recommendations.Source.MODEL));
        }
    }

    @Test
    void thePipelinesAndIdIndexesTravelWithTheModel() throws IOException {
        Path folder = dir.resolve("context");
        model.save(folder);
        try (TwoTowerModel again = TwoTowerModel.load(folder, DevicePolicy.CPU)) {
            TwoTowerContext c = again.context();
            assertArrayEquals(shop.interactions().users().ids(), c.users().ids());
            assertArrayEquals(shop.interactions().items().ids(), c.items().ids());
            // the saved user pipeline makes the serving rows from the raw frame, identically
            FeatureMatrix users = c.userPipeline().transform(ShopRetrieval.userFrame(shop, cut));
            assertArrayEquals(task.servingUsers().sequenceIds(0), users.sequenceIds(0));
            assertArrayEquals(task.servingUsers().categoricalBlock(), users.categoricalBlock());
            FeatureMatrix items = c.itemPipeline().transform(ShopRetrieval.itemFrame(shop));
            assertArrayEquals(task.items().categoricalBlock(), items.categoricalBlock());
            assertArrayEquals(model.embedUsers(task.servingUsers()), again.embedUsers(users));
        }
    }

    /** The save/load snippet of docs/models.md. */
    @Test
    void guideSnippetRuns() throws IOException {
        TwoTowerData pairs = task.train();
        FittedPipeline userPipeline = task.userPipeline();
        FittedPipeline itemPipeline = task.itemPipeline();
        IdIndex users = shop.interactions().users();
        IdIndex items = shop.interactions().items();
        FeatureMatrix userRows = task.servingUsers();
        FeatureMatrix itemRows = task.items();
        SequenceEncoderFactory encoder = SequenceEncoderFactory.meanPool(16);
        TwoTowerOptions options = options().withTraining(options().training().withEpochs(1));
        UserItemMatrix seen = UserItemMatrix.of(task.split().train(), Weighting.counts());
        Popularity popularity = Popularity.fit(task.split().train(), Popularity.Options.defaults());
        String userId = users.id(0);
        Path folder = dir.resolve("guide");
        List<String> before;
        TwoTowerContext context = TwoTowerContext.none().withPipelines(userPipeline, itemPipeline)
                .withIds(users, items);
        try (TwoTowerModel towers = TwoTower.fit(pairs, null, encoder, options, context)) {
            towers.save(folder);
            before = new Recommender(towers.scorer(userRows, itemRows), seen, popularity).recommend(userId, 10)
                    .itemIds();
        }
        try (TwoTowerModel again = TwoTowerModel.load(folder)) {
            Recommender recommender = new Recommender(again.scorer(userRows, itemRows), seen, popularity);
            List<String> top = recommender.recommend(userId, 10).itemIds();
            assertEquals(before, top);
        }
    }

    @Test
    void aModelWithoutSequenceOrContextRoundTrips() throws IOException {
        FeatureSchema attrs = new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
                new FeatureSpec.Categorical("c", 5)));
        FeatureMatrix users = new FeatureMatrix(attrs, 6);
        FeatureMatrix items = new FeatureMatrix(attrs, 4);
        for (int r = 0; r < 6; r++) {
            users.denseBlock()[r] = r * 0.5f;
            users.categoricalBlock()[r] = 1 + r % 4;
        }
        for (int r = 0; r < 4; r++) {
            items.denseBlock()[r] = -r;
            items.categoricalBlock()[r] = 4 - r;
        }
        TwoTowerData data = new TwoTowerData(users, items, new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3, 0, 1});
        Path folder = dir.resolve("plain");
        try (TwoTowerModel m = TwoTower.fit(data, null, null, options())) {
            m.save(folder);
            try (TwoTowerModel again = TwoTowerModel.load(folder, DevicePolicy.CPU)) {
                assertArrayEquals(m.embedUsers(users), again.embedUsers(users));
                assertArrayEquals(m.embedItems(items), again.embedItems(items));
                assertFalse(again.encoder().isPresent());
                assertNull(again.context().users());
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> again.scorer(users, items));
                assertTrue(e.getMessage().contains("no id indexes"), e.getMessage());
                IdIndex u = IdIndex.of(new String[] {"a", "b", "c", "d", "e", "f"});
                IdIndex i = IdIndex.of(new String[] {"p", "q", "r", "s"});
                assertEquals(m.scorer(u, users, i, items).score(2, 3), again.scorer(u, users, i, items).score(2, 3));
            }
        }
    }

    @Test
    void aCorruptedIdFileOrAMissingLayoutFailsNamingIt() throws IOException {
        Path folder = dir.resolve("corrupt");
        model.save(folder);
        Path ids = folder.resolve("items.ids");
        byte[] bytes = Files.readAllBytes(ids);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(ids, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> TwoTowerModel.load(folder));
        assertTrue(e.getMessage().contains("'items.ids' is corrupted"), e.getMessage());
        Path truncated = dir.resolve("truncated");
        model.save(truncated);
        Files.write(truncated.resolve("param.001"), new byte[0]);
        e = assertThrows(ModelFileException.class, () -> TwoTowerModel.load(truncated));
        assertTrue(e.getMessage().contains("'param.001' is corrupted"), e.getMessage());
        Path other = dir.resolve("missing");
        model.save(other);
        Files.delete(other.resolve("two-tower.json"));
        e = assertThrows(ModelFileException.class, () -> TwoTowerModel.load(other));
        assertTrue(e.getMessage().contains("'two-tower.json'") && e.getMessage().contains("missing"),
                e.getMessage());
    }

    @Test
    void anotherModelTypeIsRefused() throws IOException {
        Path folder = dir.resolve("for-fusion");
        model.save(folder);
        ModelFileException e = assertThrows(ModelFileException.class, () -> FusionModel.load(folder));
        assertTrue(e.getMessage().contains("holds a 'two-tower' model, not 'fusion'"), e.getMessage());
    }

    @Test
    void aContextMustFitTheRows() {
        TwoTowerContext wrong = TwoTowerContext.none().withIds(IdIndex.of(new String[] {"only"}), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwoTower.fit(task.train(),
                null, SequenceEncoderFactory.meanPool(16), options(), wrong));
        assertTrue(e.getMessage().contains("user id index holds 1 ids for " + task.train().users().rows()
                + " user rows"), e.getMessage());
    }
}
