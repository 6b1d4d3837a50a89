package ai.behavior.feature;

import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.modelfile.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {
    @TempDir
    Path tmp;

    private static FeatureFrame frame(double... price) {
        return FeatureFrame.builder(price.length).numeric("price", price).build();
    }

    @Test
    void standardisesWithTrainingStatisticsOnly() {
        // mean 2, population sd sqrt(2/3)
        FittedPipeline p = Pipeline.builder().add("price", Standardize.of("price")).build().fit(frame(1, 2, 3));
        FeatureMatrix m = p.transform(frame(2, 5));
        double sd = Math.sqrt(2.0 / 3);
        assertEquals(0.0, m.dense(0, 0), 1e-7);
        assertEquals((float) (3 / sd), m.dense(1, 0), 1e-6);
        assertEquals(List.of("price"), p.schema().denseNames());
    }

    @Test
    void constantColumnIsCentredNotDividedByZero() {
        FittedPipeline p = Pipeline.builder().add("price", Standardize.of("price")).build().fit(frame(4, 4, 4));
        assertEquals(1.0f, p.transform(frame(5)).dense(0, 0));
    }

    @Test
    void missingValuesAreRejectedOrImputedWithIndicator() {
        Pipeline reject = Pipeline.builder().add("price", Standardize.of("price")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reject.fit(frame(1, Double.NaN, 3)));
        assertTrue(e.getMessage().contains("column 'price' row 1"), e.getMessage());
        FittedPipeline fitted = reject.fit(frame(1, 3));
        e = assertThrows(IllegalArgumentException.class, () -> fitted.transform(frame(1, Double.POSITIVE_INFINITY)));
        assertTrue(e.getMessage().contains("row 1: Infinity"), e.getMessage());

        FittedPipeline impute = Pipeline.builder()
                .add("price", Standardize.of("price").missing(MissingValues.median().withIndicator())).build()
                .fit(frame(1, Double.NaN, 3, 5));
        FeatureMatrix m = impute.transform(frame(Double.NaN, 3));
        assertEquals(List.of("price", "price.missing"), impute.schema().denseNames());
        assertEquals(0f, m.dense(0, 0), 1e-7);   // the median 3 equals the mean 3
        assertEquals(1f, m.dense(0, 1));
        assertEquals(0f, m.dense(1, 1));
    }

    @Test
    void emptyTrainingSetAndMissingColumnsAreClearErrors() {
        Pipeline p = Pipeline.builder().add("price", Standardize.of("price")).build();
        assertThrows(IllegalArgumentException.class, () -> p.fit(frame()));
        FeatureFrame other = FeatureFrame.builder(1).numeric("cost", new double[] {1}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.fit(other));
        assertTrue(e.getMessage().contains("'price'"), e.getMessage());
        FittedPipeline fitted = p.fit(frame(1, 2));
        e = assertThrows(IllegalArgumentException.class, () -> fitted.transform(other));
        assertTrue(e.getMessage().contains("lacks column 'price'"), e.getMessage());
    }

    @Test
    void saveLoadRoundTripGivesIdenticalOutputs() throws IOException {
        FittedPipeline p = Pipeline.builder()
                .add("price", Standardize.of("price").missing(MissingValues.mean().withIndicator())).build()
                .fit(frame(1, 2, Double.NaN, 7));
        p.save(tmp.resolve("pipe"));
        FittedPipeline again = FittedPipeline.load(tmp.resolve("pipe"));
        FeatureFrame test = frame(0, Double.NaN, 100);
        assertArrayEquals(p.transform(test).denseBlock(), again.transform(test).denseBlock());
        assertEquals(p.describe(), again.describe());
        assertEquals(p.schema().features(), again.schema().features());
    }

    @Test
    void corruptedOrNewerPipelineFailsClearly() throws IOException {
        FittedPipeline p = Pipeline.builder().add("price", Standardize.of("price")).build().fit(frame(1, 2));
        Path dir = tmp.resolve("pipe");
        p.save(dir);
        Path json = dir.resolve("pipeline.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        Files.writeString(json, text.replace("\"pipelineVersion\": 1", "\"pipelineVersion\": 9"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> FittedPipeline.load(dir));
        assertTrue(e.getMessage().contains("pipeline.json"), e.getMessage());   // the checksum catches the edit

        p.save(dir);
        Files.writeString(json, Files.readString(json).replace("\"pipelineVersion\": 1", "\"pipelineVersion\": 9"));
        rewriteChecksum(dir, "pipeline.json");
        e = assertThrows(ModelFileException.class, () -> FittedPipeline.load(dir));
        assertTrue(e.getMessage().contains("newer library"), e.getMessage());
    }

    @Test
    void rowBindingReusesOneFrameWithoutRebinding() {
        FittedPipeline p = Pipeline.builder().add("price", Standardize.of("price")).build().fit(frame(0, 2));
        double[] price = new double[1];
        FeatureFrame one = FeatureFrame.builder(1).numeric("price", price).build();
        FeatureMatrix out = new FeatureMatrix(p.schema(), 1);
        FittedPipeline.Bound bound = p.bind(one, out);
        for (int x = 0; x < 5; x++) {
            price[0] = x;
            bound.transform(0, 0);
            assertEquals(x - 1f, out.dense(0, 0), 1e-6);
        }
    }

    private static void rewriteChecksum(Path dir, String file) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        String m = Files.readString(manifest);
        String sha = ModelFilesTestSupport.sha256(dir.resolve(file));
        long bytes = Files.size(dir.resolve(file));
        int at = m.indexOf("\"" + file + "\"");
        int s1 = m.indexOf("\"sha256\": \"", at) + 11;
        int s2 = m.indexOf('"', s1);
        m = m.substring(0, s1) + sha + m.substring(s2);
        int b1 = m.indexOf("\"bytes\": ", at) + 9;
        int b2 = b1;
        while (Character.isDigit(m.charAt(b2))) {
            b2++;
        }
        m = m.substring(0, b1) + bytes + m.substring(b2);
        Files.writeString(manifest, m);
    }
}
