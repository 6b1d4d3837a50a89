package ai.behavior.recsys.mf;

import ai.behavior.data.IdIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasedMfFromParametersTest {
    @TempDir
    Path dir;

    @Test
    void predictionsFollowTheGivenParametersAndSurviveSaveAndLoad() throws IOException {
        IdIndex users = IdIndex.of("u1", "u2");
        IdIndex items = IdIndex.of("i1", "i2");
        BiasedMf m = BiasedMf.fromParameters(users, items, 3.0, new float[] {0.5f, 0}, new float[] {0, -1},
                new float[] {1, 2, 0, 0}, new float[] {0.25f, 0.5f, 1, -1}, 2, new int[] {2, 1}, new int[] {1, 2},
                new RatingRange(1, 5), AlsOptions.defaults().withFactors(2));
        // u1, i1: 3 + 0.5 + 0 + (0.25 + 1) = 4.75; u1, i2: 3 + 0.5 - 1 + (1 - 2) = 1.5; u2, i2: 3 - 1 = 2
        assertEquals(4.75, m.predict(0, 0), 1e-12);
        assertEquals(1.5, m.predict(0, 1), 1e-12);
        assertEquals(2.0, m.predict(1, 1), 1e-12);
        assertEquals(10, m.trainedEpochs());
        m.save(dir.resolve("m"));
        assertEquals(4.75, BiasedMf.load(dir.resolve("m")).predict("u1", "i1"), 1e-12);
    }

    @Test
    void aNonFiniteFactorIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasedMf.fromParameters(IdIndex.of("u"), IdIndex.of("i"), 0, new float[1], new float[1],
                        new float[] {Float.NaN}, new float[1], 1, new int[1], new int[1], new RatingRange(1, 5),
                        AlsOptions.defaults()));
        assertTrue(e.getMessage().contains("userFactors[0]"), e.getMessage());
    }
}
