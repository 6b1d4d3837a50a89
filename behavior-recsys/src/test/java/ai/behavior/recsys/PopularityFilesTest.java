package ai.behavior.recsys;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Popularity#save} and {@link Popularity#load}: exact scores, ids, options and the window. */
class PopularityFilesTest {
    private static final long DAY = 86_400_000L;

    /** Last event at day 10: i0 viewed on days 0 and 9; i1 bought (value 3) on day 10; i2 carted on day 1. */
    private static Interactions log() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "i0", EventType.VIEW, 0, 1f).add("u1", "i0", EventType.VIEW, 9 * DAY, 1f)
                .add("u1", "i1", EventType.PURCHASE, 10 * DAY, 3f).add("u2", "i2", EventType.CART, DAY, 1f);
        return b.build();
    }

    private static float[] scores(Popularity p) {
        float[] out = new float[p.items().size()];
        p.scoreAll(0, out);
        return out;
    }

    @Test
    void aWindowedWeightedModelComesBackExactly(@TempDir Path dir) throws IOException {
        // window 2 days back from day 10 counts days 8..10: i0 once (view weight 1), i1 once (purchase 5 x value
        // 3 = 15), i2 not at all
        Popularity.Options options = Popularity.Options.defaults().withWindowDays(2).withWeighting(
                Weighting.byTypeValue(Map.of(EventType.VIEW, 1f, EventType.PURCHASE, 5f), Weighting.Aggregation.SUM));
        Popularity p = Popularity.fit(log(), options);
        assertArrayEquals(new float[] {1f, 15f, 0f}, scores(p));
        p.save(dir.resolve("pop"));
        Popularity back = Popularity.load(dir.resolve("pop"));
        assertArrayEquals(scores(p), scores(back));
        assertEquals(options, back.options(), "weighting and window are recorded");
        assertArrayEquals(p.items().ids(), back.items().ids());
        assertArrayEquals(p.users().ids(), back.users().ids());
        String manifest = Files.readString(dir.resolve("pop/manifest.json"));
        assertTrue(manifest.contains("\"modelType\": \"popularity\""), manifest);
        assertTrue(manifest.contains("events from 1970-01-09T00:00:00Z to 1970-01-11T00:00:00Z"), manifest);

        back.save(dir.resolve("again")); // a loaded model saves the same window again
        assertEquals(options, Popularity.load(dir.resolve("again")).options());
        assertTrue(Files.readString(dir.resolve("again/manifest.json")).contains("events from 1970-01-09"));
    }

    @Test
    void aCorruptedScoresFileIsNamed(@TempDir Path dir) throws IOException {
        Popularity.fit(log(), Popularity.Options.defaults()).save(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("scores"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve("scores"), bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Popularity.load(dir));
        assertTrue(e.getMessage().contains("file 'scores' is corrupted"), e.getMessage());
    }

    @Test
    void scoresThatDoNotFitTheItemsAreRefused(@TempDir Path dir) throws IOException {
        // a well-formed folder whose score vector is one short of the three items
        ModelWriter.create(dir, Popularity.MODEL_TYPE, Popularity.VERSION)
                .options(Map.of("weighting", Weighting.counts(), "windowMillis", 0, "lastEventMillis", 0))
                .ids("users", log().users()).ids("items", log().items())
                .floats("scores", new float[] {1f, 2f}, 2, 1).commit();
        ModelFileException e = assertThrows(ModelFileException.class, () -> Popularity.load(dir));
        assertTrue(e.getMessage().contains("file 'scores' is 2 x 1, expected 3 x 1"), e.getMessage());
    }

    @Test
    void missingOptionsAreRefused(@TempDir Path dir) throws IOException {
        ModelWriter.create(dir, Popularity.MODEL_TYPE, Popularity.VERSION).ids("users", log().users())
                .ids("items", log().items()).floats("scores", new float[] {1f, 2f, 3f}, 3, 1).commit();
        ModelFileException e = assertThrows(ModelFileException.class, () -> Popularity.load(dir));
        assertTrue(e.getMessage().contains("invalid popularity options"), e.getMessage());
    }

    @Test
    void theEarlierLayoutIsRefusedByVersion(@TempDir Path dir) throws IOException {
        ModelWriter.create(dir, Popularity.MODEL_TYPE, 1).ids("users", log().users()).ids("items", log().items())
                .floats("scores", new float[] {1f, 2f, 3f}, 3, 1).commit();
        ModelFileException e = assertThrows(ModelFileException.class, () -> Popularity.load(dir));
        assertTrue(e.getMessage().contains("holds 'popularity' version 1, an earlier layout"), e.getMessage());
    }

    /** The scorer-level entry points the command-line tool uses: save any recsys scorer, load it by type. */
    @Test
    void scorersSaveAndLoadByType(@TempDir Path dir) throws IOException {
        Popularity p = Popularity.fit(log(), Popularity.Options.defaults());
        RecommenderFiles.saveScorer(p, dir.resolve("pop"));
        ItemScorer back = RecommenderFiles.loadScorer(Popularity.MODEL_TYPE, dir.resolve("pop"));
        assertArrayEquals(scores(p), scores((Popularity) back));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RecommenderFiles.loadScorer("nope", dir.resolve("pop")));
        assertTrue(unknown.getMessage().startsWith("unknown scorer type 'nope'; known: ["), unknown.getMessage());
        ItemScorer foreign = new ItemScorer() {
            @Override
            public ai.behavior.data.IdIndex users() {
                return p.users();
            }

            @Override
            public ai.behavior.data.IdIndex items() {
                return p.items();
            }

            @Override
            public boolean knowsUser(int user) {
                return true;
            }

            @Override
            public void scoreAll(int user, float[] out) {
                java.util.Arrays.fill(out, 0f);
            }

            @Override
            public float score(int user, int item) {
                return 0f;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> RecommenderFiles.saveScorer(foreign, dir.resolve("x")));
    }
}
