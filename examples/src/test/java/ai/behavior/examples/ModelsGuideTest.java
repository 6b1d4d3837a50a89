package ai.behavior.examples;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the Java block of docs/models.md, pasted unchanged between the marked lines. */
class ModelsGuideTest {
    @TempDir
    Path tmp;

    private static FeatureFrame frame(int rows, Random rnd, double[] labels) {
        double[] price = new double[rows];
        for (int r = 0; r < rows; r++) {
            price[r] = rnd.nextGaussian();
            labels[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-2 * price[r])) ? 1 : 0;
        }
        return FeatureFrame.builder(rows).numeric("price", price).build();
    }

    @Test
    void modelsGuideBlockRuns() throws IOException {
        Random rnd = new Random(3);
        double[] trainLabels = new double[600];
        double[] validLabels = new double[200];
        FeatureFrame trainFrame = frame(600, rnd, trainLabels);
        FeatureFrame validFrame = frame(200, rnd, validLabels);
        FeatureFrame testFrame = frame(100, rnd, new double[100]);
        Path modelDir = tmp.resolve("purchase-mlp");
        double[] expected;
        // --- models.md block 1 ---
        FittedPipeline pipeline = Pipeline.builder().add("price", Standardize.of("price")).build().fit(trainFrame);
        try (MlpModel mlp = Mlp.fit(pipeline.transform(trainFrame), trainLabels,
                pipeline.transform(validFrame), validLabels, MlpOptions.binary(), pipeline)) {
            double[] p = mlp.predict(testFrame);        // the pipeline travels inside the model
            mlp.save(modelDir);
            expected = p;
        }
        try (MlpModel again = MlpModel.load(modelDir)) {
            double[] same = again.predict(testFrame);
            assertEquals(expected[0], same[0], 1e-6);
        }
        // --- end ---
    }
}
