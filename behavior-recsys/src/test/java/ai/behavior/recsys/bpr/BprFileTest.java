package ai.behavior.recsys.bpr;

import ai.behavior.data.Interactions;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.als.PlantedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BprFileTest {
    private static final Interactions LOG = PlantedLog.generate(200, 150, 3, 15, 4);
    private static final UserItemMatrix TRAIN = UserItemMatrix.of(LOG, Weighting.counts());
    private static final Bpr MODEL = Bpr.fit(TRAIN, Bpr.Options.defaults().withFactors(12).withEpochs(5)
            .withThreads(1).withSeed(5).withLearningRate(0.07));

    @TempDir
    Path tmp;

    @Test
    void roundTripGivesIdenticalScores() throws IOException {
        Path dir = tmp.resolve("bpr");
        MODEL.save(dir);
        Bpr back = Bpr.load(dir);
        assertArrayEquals(MODEL.users().ids(), back.users().ids());
        assertArrayEquals(MODEL.items().ids(), back.items().ids());
        float[] a = new float[150];
        float[] b = new float[150];
        for (int u = 0; u < 200; u++) {
            MODEL.scoreAll(u, a);
            back.scoreAll(u, b);
            assertArrayEquals(a, b);
            assertEquals(MODEL.knowsUser(u), back.knowsUser(u));
        }
        assertEquals(MODEL.similarItems(4, 5), back.similarItems(4, 5));
        assertEquals(0.07, back.options().learningRate());
        assertEquals(5, back.options().seed());
        assertEquals(5, back.epochsRun());
    }

    @Test
    void aCorruptedBiasFileFailsWithModelFileException() throws IOException {
        Path dir = tmp.resolve("bpr");
        MODEL.save(dir);
        Path f = dir.resolve("item_bias");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(f, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Bpr.load(dir));
        assertTrue(e.getMessage().contains("item_bias"), e.getMessage());
    }

    @Test
    void anotherModelTypeIsRefused() throws IOException {
        Path dir = tmp.resolve("als");
        ImplicitAls.fit(TRAIN, ImplicitAls.Options.defaults().withFactors(4).withIterations(1)).save(dir);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Bpr.load(dir));
        assertTrue(e.getMessage().contains("implicit-als"), e.getMessage());
        Path bpr = tmp.resolve("bpr");
        MODEL.save(bpr);
        assertThrows(ModelFileException.class, () -> ImplicitAls.load(bpr));
    }
}
