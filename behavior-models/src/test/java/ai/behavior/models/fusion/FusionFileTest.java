package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.sequence.SequenceOptions;
import ai.behavior.models.train.TrainingOptions;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fusion models saved and loaded: identical predictions, and every damage named. */
class FusionFileTest {
    private static final PlantedSequences TRAIN = PlantedSequences.draw(1_500, 61);
    private static final PlantedSequences TEST = PlantedSequences.draw(700, 62);
    private static FusionModel model;

    @TempDir
    Path dir;

    private static FusionOptions options(FusionMode mode) {
        return FusionOptions.defaults().withMode(mode).withDim(8).withHidden(16).withDropout(0.2)
                .withTraining(TrainingOptions.defaults().withEpochs(2).withBatchSize(256).withLearningRate(3e-3)
                        .withDevice(DevicePolicy.CPU));
    }

    @BeforeAll
    static void train() {
        model = Fusion.fit(TRAIN.both(), TRAIN.labels(), TEST.both(), TEST.labels(),
                SequenceEncoderFactory.meanPool(8), options(FusionMode.WEIGHTED_SUM));
    }

    @AfterAll
    static void free() {
        model.close();
    }

    @Test
    void roundTripGivesIdenticalPredictionsAndKeepsTheDescription() throws IOException {
        Path folder = dir.resolve("fusion");
        model.save(folder);
        try (FusionModel again = FusionModel.load(folder, DevicePolicy.CPU)) {
            assertArrayEquals(model.predict(TEST.both()), again.predict(TEST.both())); // exact: no tolerance
            assertEquals(model.options(), again.options());
            assertEquals(model.schema().features(), again.schema().features());
            assertEquals(model.encoder().describe(), again.encoder().describe());
            assertEquals(model.encoder().spec(), again.encoder().spec());
            assertFalse(again.training().isPresent());
            assertFalse(again.pipeline().isPresent());
            assertEquals("cpu", again.device().used());
        }
        ModelReader r = ModelReader.open(folder, FusionModel.MODEL_TYPE, FusionModel.VERSION);
        assertTrue(r.provenance("training.metric").startsWith("val_auc "), r.provenance("training.metric"));
        assertEquals("cpu", r.provenance("device.used"));
        JsonObject manifest = JsonParser.parseString(Files.readString(folder.resolve("manifest.json")))
                .getAsJsonObject();
        assertEquals("fusion", manifest.get("modelType").getAsString());
        JsonObject files = manifest.getAsJsonObject("files");
        int params = 0;
        for (String name : files.keySet()) {
            assertEquals(64, files.getAsJsonObject(name).get("sha256").getAsString().length(), name);
            params += name.startsWith("param.") ? 1 : 0;
        }
        assertEquals(model.network().parameters().arrays().size(), params);
        assertTrue(files.has("fusion.json") && files.has("device.json"));
        assertEquals("WEIGHTED_SUM", manifest.getAsJsonObject("options").getAsJsonObject("fusion").get("mode")
                .getAsString());
    }

    @Test
    void aTransformerEncoderWithAttentionFusionIsRebuiltFromItsSpec() throws IOException {
        SequenceEncoderFactory sasrec = SequenceEncoders.of(SequenceOptions.transformer().withDim(8).withLayers(1)
                .withHeads(2).withFfn(16));
        Path folder = dir.resolve("attention");
        try (FusionModel m = Fusion.fit(TRAIN.both(), TRAIN.labels(), null, null, sasrec,
                options(FusionMode.ATTENTION).withTraining(options(FusionMode.ATTENTION).training().withEpochs(1)))) {
            m.save(folder);
            try (FusionModel again = FusionModel.load(folder, DevicePolicy.CPU)) {
                assertArrayEquals(m.predict(TEST.both()), again.predict(TEST.both()));
                assertEquals(sasrec.describe(), again.encoder().describe());
            }
        }
    }

    @Test
    void aCustomEncoderMustBeHandedBackOnLoad() throws IOException {
        SequenceEncoderFactory custom = SequenceEncoderFactory.of("my mean", 8,
                spec -> new MeanPoolEncoder(spec.vocabularySize(), 8));
        Path folder = dir.resolve("custom");
        try (FusionModel m = Fusion.fit(TRAIN.both(), TRAIN.labels(), null, null, custom, options(FusionMode.CONCAT)
                .withTraining(options(FusionMode.CONCAT).training().withEpochs(1)))) {
            m.save(folder);
            ModelFileException e = assertThrows(ModelFileException.class, () -> FusionModel.load(folder));
            assertTrue(e.getMessage().contains("custom sequence encoder 'my mean'")
                    && e.getMessage().contains("pass the same factory"), e.getMessage());
            try (FusionModel again = FusionModel.load(folder, custom, DevicePolicy.CPU)) {
                assertArrayEquals(m.predict(TEST.both()), again.predict(TEST.both()));
            }
            e = assertThrows(ModelFileException.class, () -> FusionModel.load(folder,
                    SequenceEncoderFactory.meanPool(4), DevicePolicy.CPU));
            assertTrue(e.getMessage().contains("encoder 'my mean' of size 8") && e.getMessage().contains("size 4"),
                    e.getMessage());
        }
    }

    /** The save/load snippet of docs/models.md. */
    @Test
    void guideSnippetRuns() throws IOException {
        FeatureMatrix train = TRAIN.both();
        double[] labels = TRAIN.labels();
        FeatureMatrix valid = TEST.both();
        double[] validLabels = TEST.labels();
        FeatureMatrix rows = TEST.both();
        SequenceEncoderFactory encoder = SequenceEncoderFactory.meanPool(8);
        FusionOptions options = options(FusionMode.CONCAT).withTraining(options(FusionMode.CONCAT).training()
                .withEpochs(1));
        Path folder = dir.resolve("guide");
        double[] before;
        try (FusionModel fusion = Fusion.fit(train, labels, valid, validLabels, encoder, options)) {
            fusion.save(folder);
            before = fusion.predict(rows);
        }
        try (FusionModel again = FusionModel.load(folder)) {
            double[] p = again.predict(rows);
            assertArrayEquals(before, p);
        }
    }

    @Test
    void aCorruptedParameterFileFailsNamingIt() throws IOException {
        Path folder = dir.resolve("corrupt");
        model.save(folder);
        Path file = folder.resolve("param.002");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x40;       // flip one bit of the last float
        Files.write(file, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> FusionModel.load(folder));
        assertTrue(e.getMessage().contains("'param.002' is corrupted") && e.getMessage().contains("SHA-256"),
                e.getMessage());
    }

    @Test
    void aTruncatedOrMissingFileFailsNamingIt() throws IOException {
        Path folder = dir.resolve("truncated");
        model.save(folder);
        Path file = folder.resolve("param.000");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 4));
        ModelFileException e = assertThrows(ModelFileException.class, () -> FusionModel.load(folder));
        assertTrue(e.getMessage().contains("'param.000' is corrupted"), e.getMessage());
        Files.delete(folder.resolve("fusion.json"));
        e = assertThrows(ModelFileException.class, () -> FusionModel.load(folder));
        assertTrue(e.getMessage().contains("'fusion.json'") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void anotherModelTypeIsRefusedBothWays() throws IOException {
        Path folder = dir.resolve("fusion-for-mlp");
        model.save(folder);
        ModelFileException e = assertThrows(ModelFileException.class, () -> MlpModel.load(folder));
        assertTrue(e.getMessage().contains("holds a 'fusion' model, not 'mlp'"), e.getMessage());
        Path pipelineOnly = dir.resolve("pipeline-only");
        FeatureFrame frame = FeatureFrame.builder(3).numeric("x", new double[] {1, 2, 3}).build();
        Pipeline.builder().add("x", Standardize.of("x")).build().fit(frame).save(pipelineOnly);
        e = assertThrows(ModelFileException.class, () -> FusionModel.load(pipelineOnly));
        assertTrue(e.getMessage().contains("holds a 'feature-pipeline' model, not 'fusion'"), e.getMessage());
    }

    @Test
    void aPipelineMustMakeTheTrainingRows() {
        FeatureFrame frame = FeatureFrame.builder(3).numeric("x", new double[] {1, 2, 3}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fusion.fit(TRAIN.both(),
                TRAIN.labels(), null, null, SequenceEncoderFactory.meanPool(8), options(FusionMode.CONCAT),
                Pipeline.builder().add("x", Standardize.of("x")).build().fit(frame)));
        assertTrue(e.getMessage().contains("pipeline's output") && e.getMessage().contains("history"),
                e.getMessage());
    }
}
