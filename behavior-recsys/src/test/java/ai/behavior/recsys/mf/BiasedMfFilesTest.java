package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.split.Fold;
import ai.behavior.split.KFold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasedMfFilesTest {
    private static final Interactions PLANTED = PlantedRatings.generate(80, 50, 2, 15, 0.1, 31);

    @TempDir
    Path tmp;

    @Test
    void sgdModelRoundTripsWithIdenticalPredictions() throws IOException {
        // Fold training part: some users and items of the index have no training ratings.
        Fold fold = KFold.byEvent(3, 1).apply(PLANTED).get(0);
        SgdOptions o = SgdOptions.defaults().withFactors(4).withEpochs(5).withRatingScale(-10, 20)
                .withOrder(SgdOptions.Order.USER_BY_USER).withSeed(99).withBiasRegularization(0.07)
                .withEarlyStopping(fold.test(), 3);
        BiasedMf m = BiasedMf.fitSgd(fold.train(), o);
        Path dir = tmp.resolve("sgd-model");
        m.save(dir);
        BiasedMf back = BiasedMf.load(dir);
        assertSamePredictions(m, back);
        SgdOptions bo = (SgdOptions) back.options();
        assertEquals(o.withEarlyStopping(null).withProgress(bo.progress()), bo, "options minus early stopping");
        assertNull(bo.earlyStopping());
        assertEquals(m.trainedEpochs(), back.trainedEpochs());
        assertEquals(m.clip(), back.clip());
    }

    @Test
    void alsModelRoundTripsWithIdenticalPredictions() throws IOException {
        AlsOptions o = AlsOptions.defaults().withFactors(3).withEpochs(2).withWeightedRegularization(false)
                .withClip(1.5, 4.5);
        BiasedMf m = BiasedMf.fitAls(PLANTED, o);
        Path dir = tmp.resolve("als-model");
        m.save(dir);
        BiasedMf back = BiasedMf.load(dir);
        assertSamePredictions(m, back);
        assertEquals(o.withProgress(back.options().progress()), back.options());
        m.save(dir); // replacing a saved model is allowed
        assertSamePredictions(m, BiasedMf.load(dir));
    }

    @Test
    void biasesOnlyModelRoundTrips() throws IOException {
        BiasedMf m = BiasedMf.fitSgd(PLANTED, SgdOptions.defaults().withFactors(0).withEpochs(2));
        m.save(tmp.resolve("b"));
        assertSamePredictions(m, BiasedMf.load(tmp.resolve("b")));
    }

    @Test
    void corruptedFilesAreRejected() throws IOException {
        BiasedMf m = BiasedMf.fitSgd(PLANTED, SgdOptions.defaults().withFactors(2).withEpochs(1));
        Path dir = tmp.resolve("m");
        m.save(dir);
        Path factors = dir.resolve("item_factors");
        byte[] bytes = Files.readAllBytes(factors);
        bytes[bytes.length - 3] ^= 0x5a;
        Files.write(factors, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> BiasedMf.load(dir));
        assertTrue(e.getMessage().contains("item_factors"), e.getMessage());

        Path dir2 = tmp.resolve("m2");
        m.save(dir2);
        Path manifest = dir2.resolve("manifest.json");
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, json.replace("\"factors\": 2", "\"factors\": 3"), StandardCharsets.UTF_8);
        assertThrows(ModelFileException.class, () -> BiasedMf.load(dir2), "factor count disagrees with the arrays");

        Path dir3 = tmp.resolve("m3");
        m.save(dir3);
        Files.writeString(dir3.resolve("manifest.json"), Files.readString(dir3.resolve("manifest.json"))
                .replace("\"solver\": \"sgd\"", "\"solver\": \"gd\""));
        assertThrows(ModelFileException.class, () -> BiasedMf.load(dir3), "unknown solver");

        Files.delete(dir3.resolve("users"));
        assertThrows(ModelFileException.class, () -> BiasedMf.load(dir3));
        assertThrows(ModelFileException.class, () -> BiasedMf.load(tmp.resolve("nothing-here")));
    }

    private static void assertSamePredictions(BiasedMf a, BiasedMf b) {
        assertArrayEquals(a.users().ids(), b.users().ids());
        assertArrayEquals(a.items().ids(), b.items().ids());
        assertEquals(a.globalMean(), b.globalMean());
        assertEquals(a.factors(), b.factors());
        float[] sa = new float[a.items().size()];
        float[] sb = new float[b.items().size()];
        for (int u = 0; u < a.users().size(); u++) {
            assertEquals(a.knowsUser(u), b.knowsUser(u));
            a.scoreAll(u, sa);
            b.scoreAll(u, sb);
            assertArrayEquals(sa, sb);
            for (int i = 0; i < a.items().size(); i++) {
                assertEquals(a.predict(u, i), b.predict(u, i));
            }
        }
        assertEquals(a.predict(a.users().id(3), a.items().id(4)), b.predict(b.users().id(3), b.items().id(4)));
    }
}
