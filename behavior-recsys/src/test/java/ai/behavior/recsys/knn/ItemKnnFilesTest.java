package ai.behavior.recsys.knn;

import ai.behavior.data.Interactions;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.data.EventType;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving and loading {@link ItemKnn}. */
class ItemKnnFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aLoadedModelScoresAndRecommendsExactlyLikeTheFittedOne() throws IOException {
        Interactions log = TestData.shop();
        ItemKnn.Options o = ItemKnn.Options.defaults().withNeighbours(30).withShrink(3f).withThreads(2)
                .withReweighting(Reweighting.bm25(1.5, 0.6)).withSimilarity(Similarity.COSINE);
        ItemKnn fitted = ItemKnn.fit(log, o);
        Path dir = tmp.resolve("knn");
        fitted.save(dir);
        ItemKnn loaded = ItemKnn.load(dir);

        assertEquals(o.withThreads(loaded.options().threads()).withProgress(loaded.options().progress()),
                loaded.options());
        assertArrayEquals(log.users().ids(), loaded.users().ids());
        assertArrayEquals(log.items().ids(), loaded.items().ids());
        float[] a = new float[log.numItems()];
        float[] b = new float[log.numItems()];
        for (int u = 0; u < log.numUsers(); u++) {
            assertEquals(fitted.knowsUser(u), loaded.knowsUser(u));
            fitted.scoreAll(u, a);
            loaded.scoreAll(u, b);
            assertArrayEquals(a, b);
        }
        for (int i = 0; i < log.numItems(); i++) {
            assertEquals(fitted.fallback().popularity(i), loaded.fallback().popularity(i));
            assertEquals(fitted.similarItems(i, 10), loaded.similarItems(i, 10));
        }
        Recommender before = new Recommender(fitted, UserItemMatrix.of(log, Weighting.counts()),
                Popularity.fit(log, Popularity.Options.defaults()));
        Recommender after = loaded.recommender();
        for (int u = 0; u < log.numUsers(); u += 7) {
            String id = log.users().id(u);
            assertEquals(before.recommend(id, 10).items(), after.recommend(id, 10).items());
            assertArrayEquals(before.recommend(u, 10, RecommendOptions.defaults()),
                    after.recommend(u, 10, RecommendOptions.defaults()));
        }
        assertEquals(before.recommend("stranger", 5).items(), after.recommend("stranger", 5).items());
    }

    @Test
    void aCorruptedFileIsAClearError() throws IOException {
        ItemKnn m = ItemKnn.fit(ItemKnnTest.tiny(), ItemKnnTest.one());
        Path dir = tmp.resolve("knn");
        m.save(dir);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("neighbour_similarities").toFile(), "rw")) {
            f.seek(f.length() - 1);
            int last = f.read();
            f.seek(f.length() - 1);
            f.write(last ^ 0x40);
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ItemKnn.load(dir));
        assertTrue(e.getMessage().contains("neighbour_similarities"), e.getMessage());
    }

    @Test
    void anotherModelTypeIsRefused(@TempDir Path other) throws IOException {
        ai.behavior.modelfile.ModelWriter.create(other.resolve("m"), "implicit-als", 1).commit();
        ModelFileException e = assertThrows(ModelFileException.class, () -> ItemKnn.load(other.resolve("m")));
        assertTrue(e.getMessage().contains("item-knn"), e.getMessage());
    }

    @Test
    void optionsWithEveryReweightingRoundTrip() throws IOException {
        Interactions log = ItemKnnTest.tiny();
        for (Reweighting r : new Reweighting[] {Reweighting.none(), Reweighting.tfIdf(), Reweighting.bm25(2, 0.5)}) {
            ItemKnn.Options o = ItemKnnTest.one().withReweighting(r).withSimilarity(Similarity.DOT_PRODUCT)
                    .withWeighting(Weighting.byType(java.util.Map.of(EventType.VIEW, 2f)));
            Path dir = tmp.resolve(r.describe().replaceAll("[^a-z0-9]", ""));
            ItemKnn.fit(log, o).save(dir);
            ItemKnn.Options back = ItemKnn.load(dir).options();
            assertEquals(r, back.reweighting());
            assertEquals(Similarity.DOT_PRODUCT, back.similarity());
            assertEquals(o.weighting(), back.weighting());
        }
    }

    @Test
    void aModelWithoutNeighbourPairsRoundTrips() throws IOException {
        Interactions one = Interactions.builder().add("u", "i", ai.behavior.data.EventType.VIEW, 1, 1f).build();
        ItemKnn m = ItemKnn.fit(one, ItemKnnTest.one());
        assertEquals(0, m.numNeighbourPairs());
        Path dir = tmp.resolve("lonely");
        m.save(dir);
        ItemKnn back = ItemKnn.load(dir);
        assertEquals(0, back.numNeighbourPairs());
        assertTrue(back.knowsUser(0));
        assertEquals(java.util.List.of(), back.recommender().recommend("u", 3).itemIds(), "its only item is seen");
    }
}
