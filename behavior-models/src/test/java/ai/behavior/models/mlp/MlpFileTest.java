package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.models.Planted;
import ai.behavior.models.device.DevicePolicy;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpFileTest {
    private static final Planted TRAIN = Planted.binary(3_000, 50);
    private static final Planted TEST = Planted.binary(2_000, 51);
    private static MlpModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        model = Mlp.fit(TRAIN.matrix(), TRAIN.labels(), TEST.matrix(), TEST.labels(),
                MlpTest.quick(MlpTask.BINARY).withNorm(MlpNorm.BATCH).withDropout(0.2).withTraining(
                        MlpTest.quick(MlpTask.BINARY).training().withEpochs(3)), null);
    }

    @Test
    void roundTripGivesIdenticalPredictionsAndKeepsTheDescription() throws IOException {
        Path folder = dir.resolve("mlp");
        model.save(folder);
        try (MlpModel again = MlpModel.load(folder, DevicePolicy.CPU)) {
            assertArrayEquals(model.predict(TEST.matrix()), again.predict(TEST.matrix()));
            assertEquals(model.architecture(), again.architecture());
            assertEquals(model.options(), again.options());
            assertEquals(model.task(), again.task());
            assertFalse(again.training().isPresent());
            assertFalse(again.pipeline().isPresent());
            assertEquals("cpu", again.device().used());
        }
        // the manifest holds the device report, the kept epoch and a checksum per parameter file
        ModelReader r = ModelReader.open(folder, MlpModel.MODEL_TYPE, MlpModel.VERSION);
        assertTrue(r.provenance("device").contains("PyTorch 2.7.1"), r.provenance("device"));
        assertEquals("cpu", r.provenance("device.used"));
        assertTrue(r.provenance("training.metric").startsWith("val_auc "), r.provenance("training.metric"));
        JsonObject manifest = JsonParser.parseString(Files.readString(folder.resolve("manifest.json")))
                .getAsJsonObject();
        JsonObject files = manifest.getAsJsonObject("files");
        // emb weight, linear 32 (w, b), batch norm (gamma, beta, running mean, running var), linear 16 (w, b),
        // batch norm (4), linear 1 (w, b): 15 parameter files
        for (int i = 0; i < 15; i++) {
            String name = String.format("param.%03d", i);
            assertEquals(64, files.getAsJsonObject(name).get("sha256").getAsString().length(), name);
        }
        assertFalse(files.has("param.015"));
        assertTrue(files.has("mlp.json") && files.has("device.json"));
        assertEquals("BATCH", manifest.getAsJsonObject("options").getAsJsonObject("mlp").get("norm").getAsString());
    }

    @Test
    void aPipelineTravelsInsideTheModel() throws IOException {
        SplittableRandom r = new SplittableRandom(52);
        int n = 2_000;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 100 + 20 * Planted.gaussian(r);
            b[i] = -5 + 0.1 * Planted.gaussian(r);
            y[i] = 0.03 * a[i] + 10 * b[i] + Planted.gaussian(r);
        }
        FeatureFrame frame = FeatureFrame.builder(n).numeric("a", a).numeric("b", b).build();
        Pipeline.Fit fit = Pipeline.builder().add("a", Standardize.of("a")).add("b", Standardize.of("b")).build()
                .fitTransform(frame, ai.behavior.feature.FitContext.unsupervised());
        FittedPipeline pipeline = fit.pipeline();
        Path folder = dir.resolve("with-pipeline");
        try (MlpModel m = Mlp.fit(fit.training(), y, MlpTest.quick(MlpTask.REGRESSION), pipeline)) {
            m.save(folder);
            try (MlpModel again = MlpModel.load(folder, DevicePolicy.CPU)) {
                assertTrue(again.pipeline().isPresent());
                assertArrayEquals(m.predict(frame), again.predict(frame));
                assertEquals(m.labelMean(), again.labelMean(), 0);
                assertEquals(m.labelScale(), again.labelScale(), 0);
            }
        }
    }

    @Test
    void aCorruptedParameterFileFailsNamingIt() throws IOException {
        Path folder = dir.resolve("corrupt");
        model.save(folder);
        Path file = folder.resolve("param.001");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x40;       // flip one bit of the last float
        Files.write(file, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> MlpModel.load(folder));
        assertTrue(e.getMessage().contains("'param.001' is corrupted") && e.getMessage().contains("SHA-256"),
                e.getMessage());
    }

    @Test
    void aTruncatedOrMissingFileFailsNamingIt() throws IOException {
        Path folder = dir.resolve("truncated");
        model.save(folder);
        Path file = folder.resolve("param.000");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        ModelFileException e = assertThrows(ModelFileException.class, () -> MlpModel.load(folder));
        assertTrue(e.getMessage().contains("'param.000' is corrupted"), e.getMessage());
        Files.delete(folder.resolve("mlp.json"));
        e = assertThrows(ModelFileException.class, () -> MlpModel.load(folder));
        assertTrue(e.getMessage().contains("'mlp.json'") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void anotherModelTypeIsRefused() throws IOException {
        Path folder = dir.resolve("pipeline-only");
        FeatureFrame frame = FeatureFrame.builder(3).numeric("a", new double[] {1, 2, 3}).build();
        Pipeline.builder().add("a", Standardize.of("a")).build().fit(frame).save(folder);
        ModelFileException e = assertThrows(ModelFileException.class, () -> MlpModel.load(folder));
        assertTrue(e.getMessage().contains("holds a 'feature-pipeline' model, not 'mlp'"), e.getMessage());
        assertThrows(ModelFileException.class, () -> MlpModel.load(dir.resolve("nothing-here")));
    }
}
