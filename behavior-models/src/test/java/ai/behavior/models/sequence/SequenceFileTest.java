package ai.behavior.models.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;
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

class SequenceFileTest {
    private static final Interactions LOG = Cycles.log(60, 12, 6, 12, 0.1, 21);
    private static final SplitResult PARTS = LeaveLastOut.of(1).withValidation(1).apply(LOG);
    private static SequenceModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        // every attribute, concatenated, with categories looked up from the item (item i is in category i % 3)
        int[] codes = new int[LOG.numItems()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = Integer.parseInt(LOG.items().id(i).substring(1)) % 3;
        }
        ItemCategories categories = new ItemCategories(codes, IdIndex.of("c0", "c1", "c2"));
        SequenceOptions o = SequenceOptions.transformer().withDim(8).withHeads(2).withFfn(16).withMaxLength(8)
                .withFeatures(EventFeature.TYPE, EventFeature.GAP, EventFeature.CATEGORY)
                .withCombine(InputCombine.CONCAT).withSideDim(4)
                .withTraining(TrainingOptions.defaults().withEpochs(2).withBatchSize(32));
        model = NextItem.fit(PARTS.train(), PARTS.validation(), o, categories);
    }

    @AfterAll
    static void free() {
        model.close();
    }

    @Test
    void roundTripGivesIdenticalScoresAndKeepsTheVocabularies() throws IOException {
        Path folder = dir.resolve("next-item");
        model.save(folder);
        EventSequences h = EventSequences.histories(PARTS.train());
        try (SequenceModel again = SequenceModel.load(folder, DevicePolicy.CPU)) {
            float[][] a = model.scores(h);
            float[][] b = again.scores(h);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0f);
            }
            assertEquals(model.architecture(), again.architecture());
            assertEquals(model.options(), again.options().withTraining(model.options().training()));
            assertArrayEquals(model.items().ids(), again.items().ids());
            assertArrayEquals(new String[] {"c0", "c1", "c2"}, again.categories().orElseThrow().ids());
            assertFalse(again.training().isPresent());
        }
        ModelReader r = ModelReader.open(folder, SequenceModel.MODEL_TYPE, SequenceModel.VERSION);
        assertTrue(r.provenance("training.metric").startsWith("val_ndcg@10 "), r.provenance("training.metric"));
        assertTrue(r.hasFile("items.ids") && r.hasFile("categories.ids") && r.hasFile("item-categories.ints"));
    }

    @Test
    void aClassifierRoundTripsToo() throws IOException {
        double[] y = new double[200];
        EventSequences s = SequenceClassifierTest.planted(200, 8, y);
        try (SequenceModel m = SequenceClassifier.fit(s, y, null, null, SequenceOptions.lstm().withDim(8)
                .withMaxLength(10).withFeatures(EventFeature.GAP).withTraining(TrainingOptions.defaults()
                        .withEpochs(1)))) {
            Path folder = dir.resolve("classifier");
            m.save(folder);
            try (SequenceModel again = SequenceModel.load(folder, DevicePolicy.CPU)) {
                assertArrayEquals(m.predict(s), again.predict(s), 0.0);
                assertEquals(SequenceTask.CLASSIFICATION, again.task());
            }
        }
    }

    @Test
    void damagedFilesFailNamingThem() throws IOException {
        Path folder = dir.resolve("damaged");
        model.save(folder);
        Path param = folder.resolve("param.002");
        byte[] bytes = Files.readAllBytes(param);
        bytes[bytes.length - 1] ^= 0x10;
        Files.write(param, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> SequenceModel.load(folder));
        assertTrue(e.getMessage().contains("'param.002' is corrupted"), e.getMessage());

        model.save(folder);
        Path items = folder.resolve("items.ids");
        Files.write(items, Arrays.copyOf(Files.readAllBytes(items), 5));
        e = assertThrows(ModelFileException.class, () -> SequenceModel.load(folder));
        assertTrue(e.getMessage().contains("'items.ids' is corrupted"), e.getMessage());

        model.save(folder);
        Files.delete(folder.resolve("sequence.json"));
        e = assertThrows(ModelFileException.class, () -> SequenceModel.load(folder));
        assertTrue(e.getMessage().contains("'sequence.json'") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void anotherModelTypeIsRefused() throws IOException {
        Path folder = dir.resolve("pipeline");
        ai.behavior.feature.FeatureFrame frame = ai.behavior.feature.FeatureFrame.builder(2)
                .numeric("a", new double[] {1, 2}).build();
        ai.behavior.feature.Pipeline.builder().add("a", ai.behavior.feature.numeric.Standardize.of("a")).build()
                .fit(frame).save(folder);
        ModelFileException e = assertThrows(ModelFileException.class, () -> SequenceModel.load(folder));
        assertTrue(e.getMessage().contains("not 'sequence'"), e.getMessage());
    }
}
