package ai.behavior.recsys.als;

import ai.behavior.data.Interactions;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImplicitAlsFileTest {
    private static final Interactions LOG = PlantedLog.generate(200, 150, 3, 15, 3);
    private static final ImplicitAls MODEL = ImplicitAls.fit(UserItemMatrix.of(LOG, Weighting.ratings()),
            ImplicitAls.Options.defaults().withFactors(10).withIterations(4).withAlpha(1.5).withSeed(9)
                    .withWeighting(Weighting.ratings()).withThreads(1));

    @TempDir
    Path tmp;

    @Test
    void roundTripGivesIdenticalScores() throws IOException {
        Path dir = tmp.resolve("als");
        MODEL.save(dir);
        ImplicitAls back = ImplicitAls.load(dir);
        assertArrayEquals(MODEL.users().ids(), back.users().ids());
        assertArrayEquals(MODEL.items().ids(), back.items().ids());
        float[] a = new float[150];
        float[] b = new float[150];
        for (int u = 0; u < 200; u++) {
            MODEL.scoreAll(u, a);
            back.scoreAll(u, b);
            assertArrayEquals(a, b);
            assertEquals(MODEL.knowsUser(u), back.knowsUser(u));
            assertEquals(MODEL.score(u, 7), back.score(u, 7));
        }
        assertEquals(MODEL.similarItems(3, 5), back.similarItems(3, 5));
        assertEquals(MODEL.foldIn(new int[] {1, 2}, new float[] {1, 3}), back.foldIn(new int[] {1, 2}, new float[] {1, 3}));
        ImplicitAls.Options o = back.options();
        assertEquals(10, o.factors());
        assertEquals(1.5, o.alpha());
        assertEquals(9, o.seed());
        assertEquals(Weighting.ratings(), o.weighting());
        assertEquals(4, back.iterationsRun());
        assertEquals(4, back.bestIteration());
        MODEL.save(dir); // replacing an existing model folder works
        assertArrayEquals(MODEL.factors().itemRows(), ImplicitAls.load(dir).factors().itemRows());
    }

    @Test
    void aCorruptedFactorFileFailsWithModelFileException() throws IOException {
        Path dir = tmp.resolve("als");
        MODEL.save(dir);
        Path f = dir.resolve("item_factors");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 3] ^= 0x5A;
        Files.write(f, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ImplicitAls.load(dir));
        assertTrue(e.getMessage().contains("item_factors"), e.getMessage());
    }

    @Test
    void aMissingFileOrFolderFailsWithModelFileException() throws IOException {
        assertThrows(ModelFileException.class, () -> ImplicitAls.load(tmp.resolve("nothing")));
        Path dir = tmp.resolve("als");
        MODEL.save(dir);
        Files.delete(dir.resolve("user_counts"));
        assertThrows(ModelFileException.class, () -> ImplicitAls.load(dir));
    }
}
