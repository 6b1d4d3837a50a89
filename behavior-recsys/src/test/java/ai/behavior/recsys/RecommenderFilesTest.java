package ai.behavior.recsys;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.recsys.als.FoldedUser;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.bpr.Bpr;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.recsys.mf.SgdOptions;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RecommenderFiles}: a saved bundle serves exactly what the original served, for every model type of
 * the module, for known users, unknown users (the labelled fallback) and with allow- and deny-lists; fold-in
 * after loading matches; damaged, missing and unknown parts fail naming the file or the type.
 */
class RecommenderFilesTest {
    private static final int K = 10;
    private static Interactions log;
    private static ImplicitAls als;

    @BeforeAll
    static void train() {
        log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(150).withItems(120).withSeed(5))
                .interactions();
        als = ImplicitAls.fit(log, ImplicitAls.Options.defaults().withFactors(8).withIterations(4).withThreads(1)
                .withSeed(3));
    }

    private static Recommender serving(ItemScorer model, Interactions train) {
        // a windowed, weighted fallback, so the recorded options matter
        return new Recommender(model, UserItemMatrix.of(train, Weighting.counts()), Popularity.fit(train,
                Popularity.Options.defaults().withWindowDays(30).withWeighting(Weighting.byType(Map.of(
                        EventType.PURCHASE, 3f, EventType.VIEW, 1f)))));
    }

    private static Recommender roundTrip(Recommender rec, Path dir) throws IOException {
        rec.save(dir);
        return Recommender.load(dir);
    }

    /** Every user (and two strangers) under four option sets, recommendAll, and score of every pair. */
    private static void assertSameServing(Recommender a, Recommender b, Interactions train) {
        assertArrayEquals(a.model().users().ids(), b.model().users().ids());
        assertArrayEquals(a.model().items().ids(), b.model().items().ids());
        String[] items = train.items().ids();
        List<RecommendOptions> options = List.of(RecommendOptions.defaults(),
                RecommendOptions.defaults().withExcludeSeen(false),
                RecommendOptions.defaults().withDeny(Set.of(items[0], items[3], items[items.length - 1])),
                RecommendOptions.defaults().withAllowOnly(Set.of(Arrays.copyOf(items, Math.min(25,
                        (items.length + 1) / 2)))));
        List<String> users = new ArrayList<>(List.of(train.users().ids()));
        users.add("stranger-1");
        users.add("stranger-2");
        int fallbacks = 0;
        for (RecommendOptions o : options) {
            for (String u : users) {
                Recommendations ra = a.recommend(u, K, o);
                assertEquals(ra, b.recommend(u, K, o), u + " " + o);
                fallbacks += ra.source() == Recommendations.Source.POPULARITY_FALLBACK ? 1 : 0;
            }
            assertTrue(Arrays.deepEquals(a.recommendAll(K, o, 2), b.recommendAll(K, o, 2)), o.toString());
        }
        assertTrue(fallbacks >= 2 * options.size(), "the strangers get the fallback");
        for (String u : users) {
            for (String i : items) {
                assertEquals(a.score(u, i), b.score(u, i), u + " " + i);
            }
        }
        assertEquals(a.fallback().options(), b.fallback().options(), "the fallback's window and weighting");
    }

    @Test
    void implicitAlsServesIdenticallyAndFoldsInTheSame(@TempDir Path dir) throws IOException {
        Recommender rec = serving(als, log);
        Recommender back = roundTrip(rec, dir.resolve("als"));
        assertInstanceOf(ImplicitAls.class, back.model());
        assertSameServing(rec, back, log);
        ImplicitAls loaded = (ImplicitAls) back.model();
        for (int i = 0; i < 20; i++) {
            assertEquals(als.similarItems(i, 5), loaded.similarItems(i, 5));
        }
        // a new user's history, folded in before and after: one least-squares solve on identical factors
        String[] items = log.items().ids();
        Map<String, Float> history = Map.of(items[2], 1f, items[9], 3f, items[40], 1f);
        FoldedUser before = als.foldIn(history);
        FoldedUser after = loaded.foldIn(history);
        assertEquals(before, after);
        assertEquals(als.recommend(before, K), loaded.recommend(after, K));

        Recommendations cold = back.recommend("stranger-1", 5);
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, cold.source());
        assertTrue(cold.reason().contains("'stranger-1' is not in the training data"), cold.reason());
        // the bundle layout: a manifest naming the scorer type and three part folders
        ModelReader r = ModelReader.open(dir.resolve("als"), RecommenderFiles.MODEL_TYPE, 1);
        assertEquals("implicit-als", r.optionsJson().getAsJsonObject().get("scorerType").getAsString());
        for (String part : List.of("scorer", "seen", "fallback")) {
            assertTrue(Files.isRegularFile(dir.resolve("als").resolve(part).resolve("manifest.json")), part);
        }
    }

    @Test
    void bprAndItemKnnAndPopularityServeIdentically(@TempDir Path dir) throws IOException {
        Bpr bpr = Bpr.fit(log, Bpr.Options.defaults().withFactors(8).withEpochs(3).withThreads(1).withSeed(4));
        Recommender rb = serving(bpr, log);
        Recommender bb = roundTrip(rb, dir.resolve("bpr"));
        assertSameServing(rb, bb, log);
        for (int i = 0; i < 20; i++) {
            assertEquals(bpr.similarItems(i, 5), ((Bpr) bb.model()).similarItems(i, 5));
        }

        ItemKnn knn = ItemKnn.fit(log, ItemKnn.Options.defaults().withNeighbours(20).withThreads(1));
        Recommender rk = serving(knn, log);
        Recommender bk = roundTrip(rk, dir.resolve("knn"));
        assertSameServing(rk, bk, log);
        for (int i = 0; i < 20; i++) {
            assertEquals(knn.similarItems(i, 5), ((ItemKnn) bk.model()).similarItems(i, 5));
        }

        Popularity pop = Popularity.fit(log, Popularity.Options.defaults());
        Recommender rp = serving(pop, log);
        Recommender bp = roundTrip(rp, dir.resolve("pop"));
        assertInstanceOf(Popularity.class, bp.model());
        assertSameServing(rp, bp, log);
        // the all-time model and the 30-day fallback differ, so the parts were not mixed up
        assertNotEquals(((Popularity) bp.model()).options(), bp.fallback().options());
    }

    @Test
    void biasedMfServesIdentically(@TempDir Path dir) throws IOException {
        // 40 users rate 8 of 30 items (1..5, seeded); "viewer" only viewed an item, so the model does not know it
        Random rnd = new Random(11);
        InteractionsBuilder b = Interactions.builder();
        for (int u = 0; u < 40; u++) {
            for (int k = 0; k < 8; k++) {
                b.add("u" + u, "i" + rnd.nextInt(30), EventType.RATING, u * 100L + k, 1 + rnd.nextInt(5));
            }
        }
        b.add("viewer", "i1", EventType.VIEW, 9_999L, 1f);
        Interactions ratings = b.build();
        BiasedMf mf = BiasedMf.fit(ratings, SgdOptions.defaults().withFactors(4).withEpochs(5));
        Recommender rec = new Recommender(mf, UserItemMatrix.of(ratings, Weighting.counts()),
                Popularity.fit(ratings, Popularity.Options.defaults()));
        Recommender back = roundTrip(rec, dir.resolve("mf"));
        assertSameServing(rec, back, ratings);
        Recommendations viewer = back.recommend("viewer", 3);
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, viewer.source());
        assertTrue(viewer.reason().contains("no training interactions"), viewer.reason());
    }

    @Test
    void damagedOrMissingPartsAreNamed(@TempDir Path dir) throws IOException {
        Recommender rec = serving(als, log);
        Path good = dir.resolve("good");
        rec.save(good);

        Path flipped = copy(good, dir.resolve("flipped"));
        flip(flipped.resolve("scorer/item_factors"));
        String m = assertThrows(ModelFileException.class, () -> Recommender.load(flipped)).getMessage();
        assertTrue(m.contains("scorer") && m.contains("file 'item_factors' is corrupted: SHA-256"), m);

        Path noCols = copy(good, dir.resolve("no-cols"));
        Files.delete(noCols.resolve("seen/col_indices"));
        m = assertThrows(ModelFileException.class, () -> Recommender.load(noCols)).getMessage();
        assertTrue(m.contains("seen") && m.contains("file 'col_indices' listed in the manifest is missing"), m);

        Path edited = copy(good, dir.resolve("edited"));
        Files.writeString(edited.resolve("fallback/manifest.json"), " ", StandardOpenOption.APPEND);
        m = assertThrows(ModelFileException.class, () -> Recommender.load(edited)).getMessage();
        assertTrue(m.contains("file 'fallback/manifest.json' is corrupted: SHA-256"), m);

        Path noScorer = copy(good, dir.resolve("no-scorer"));
        deleteTree(noScorer.resolve("scorer"));
        m = assertThrows(ModelFileException.class, () -> Recommender.load(noScorer)).getMessage();
        assertTrue(m.contains("file 'scorer/manifest.json' is missing"), m);

        Path noManifest = copy(good, dir.resolve("no-manifest"));
        Files.delete(noManifest.resolve("manifest.json"));
        m = assertThrows(ModelFileException.class, () -> Recommender.load(noManifest)).getMessage();
        assertTrue(m.contains("manifest.json is missing"), m);

        assertSameServing(rec, Recommender.load(good), log); // the copies were damaged, not the original
    }

    @Test
    void theGuideSnippetServesFromTheSavedFolderWithoutTheLog(@TempDir Path dir) throws IOException {
        Interactions train = log;
        // docs/recommenders.md, "Saving a recommender for serving"
        Recommender rec = new Recommender(als, UserItemMatrix.of(train, Weighting.counts()),
                Popularity.fit(train, Popularity.Options.defaults().withWindowDays(30)));
        rec.save(dir);
        Recommender served = Recommender.load(dir);
        List<String> top = served.recommend("u42", 10).itemIds();
        ImplicitAls model = (ImplicitAls) served.model();
        List<Recommendations.Item> forNewUser = model.recommend(model.foldIn(Map.of("i7", 1f, "i9", 2f)), 10);
        // end of snippet
        assertEquals(rec.recommend("u42", 10).itemIds(), top);
        assertEquals(als.recommend(als.foldIn(Map.of("i7", 1f, "i9", 2f)), 10), forNewUser);
        assertEquals(10, forNewUser.size());
    }

    @Test
    void anotherModulesScorerNeedsItsLoaderAndAnUnknownTypeIsNamed(@TempDir Path dir) throws IOException {
        RecommenderTest.Fixture f = new RecommenderTest.Fixture();
        Recommender rec = new Recommender(new MyScorer(f.model), f.rec.seen(), f.rec.fallback());
        assertThrows(IllegalArgumentException.class, () -> rec.save(dir), "no built-in saver for a test scorer");
        // docs/recommenders.md: a scorer of another module
        RecommenderFiles.save(rec, dir, (model, folder) -> ((MyScorer) model).save(folder));
        Recommender back = Recommender.load(dir, "my-scorer", MyScorer::load);
        // end of snippet
        assertSameServing(rec, back, f.log);
        // u0 saw i0 and i2; its best unseen scores are i4 0.7, i1 0.5, i3 0.1 (RecommenderTest's fixture)
        assertEquals(List.of("i4", "i1", "i3"), back.recommend("u0", 10).itemIds());

        String m = assertThrows(ModelFileException.class, () -> Recommender.load(dir)).getMessage();
        assertTrue(m.contains("model type 'my-scorer' is not one this library loads; known types: biased-mf, bpr, "
                + "implicit-als, item-knn, popularity"), m);
        assertThrows(IllegalArgumentException.class, () -> Recommender.load(dir, "bpr", MyScorer::load),
                "built-in types keep their loaders");
    }

    @Test
    void aSeenMatrixOfOtherIdsIsRefusedEvenWhenItsChecksumIsRecorded(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good");
        serving(als, log).save(good);
        RecommenderTest.Fixture f = new RecommenderTest.Fixture(); // 3 users x 5 items, not the shop's ids
        f.rec.seen().save(dir.resolve("other-seen"));
        // swap in the other matrix and record its manifest's checksum, as a careless hand edit would
        Path mixed = copy(good, dir.resolve("mixed"));
        String oldSha = sha256(mixed.resolve("seen/manifest.json"));
        deleteTree(mixed.resolve("seen"));
        copy(dir.resolve("other-seen"), mixed.resolve("seen"));
        String manifest = Files.readString(mixed.resolve("manifest.json"));
        Files.writeString(mixed.resolve("manifest.json"),
                manifest.replace(oldSha, sha256(mixed.resolve("seen/manifest.json"))));
        String m = assertThrows(ModelFileException.class, () -> Recommender.load(mixed)).getMessage();
        assertTrue(m.contains("the ids of 'seen' (3 users x 5 items) differ from the scorer's (" + log.numUsers()
                + " x " + log.numItems() + ")"), m);
    }

    @Test
    void anOlderBundleIsReplacedAndOtherFoldersAreRefused(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bundle");
        serving(Popularity.fit(log, Popularity.Options.defaults()), log).save(bundle);
        serving(als, log).save(bundle);
        assertInstanceOf(ImplicitAls.class, Recommender.load(bundle).model());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(bundle), s.toList(), "no staging or old folders are left behind");
        }
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        IOException e = assertThrows(IOException.class, () -> serving(als, log).save(notes));
        assertTrue(e.getMessage().contains("is not a recommender bundle; refusing to replace it"), e.getMessage());
        assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    }

    /** Stands in for a scorer of another module: its own model type, saver and loader. */
    private static final class MyScorer implements ItemScorer {
        private final ItemScorer table;

        MyScorer(ItemScorer table) {
            this.table = table;
        }

        void save(Path dir) throws IOException {
            int users = users().size();
            int items = items().size();
            float[] scores = new float[users * items];
            int[] known = new int[users];
            float[] row = new float[items];
            for (int u = 0; u < users; u++) {
                scoreAll(u, row);
                System.arraycopy(row, 0, scores, u * items, items);
                known[u] = knowsUser(u) ? 1 : 0;
            }
            ModelWriter.create(dir, "my-scorer", 1).ids("users", users()).ids("items", items())
                    .floats("scores", scores, users, items).ints("known", known).commit();
        }

        static MyScorer load(Path dir) throws IOException {
            ModelReader r = ModelReader.open(dir, "my-scorer", 1);
            ModelReader.FloatMatrix s = r.floats("scores");
            int[] k = r.ints("known");
            float[][] rows = new float[(int) s.rows()][];
            boolean[] known = new boolean[k.length];
            for (int u = 0; u < rows.length; u++) {
                rows[u] = Arrays.copyOfRange(s.data(), u * (int) s.cols(), (u + 1) * (int) s.cols());
                known[u] = k[u] == 1;
            }
            return new MyScorer(new RecommenderTest.FixedScorer(r.ids("users"), r.ids("items"), rows, known));
        }

        @Override
        public IdIndex users() {
            return table.users();
        }

        @Override
        public IdIndex items() {
            return table.items();
        }

        @Override
        public boolean knowsUser(int user) {
            return table.knowsUser(user);
        }

        @Override
        public void scoreAll(int user, float[] out) {
            table.scoreAll(user, out);
        }

        @Override
        public float score(int user, int item) {
            return table.score(user, item);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flip(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
