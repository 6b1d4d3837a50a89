package ai.behavior.spark;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.categorical.IndexEncoder;
import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkBatchScorerTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    @Test
    void scoresOnTheExecutorsEqualTheDriversPredictionsWithOneModelLoadPerPartition() throws IOException {
        // 3,000 shoppers: spend (numeric, some missing) and device (categorical); buy when spend is high on mobile
        int n = 3_000;
        SplittableRandom r = new SplittableRandom(7);
        String[] devices = {"mobile", "desktop", "tablet"};
        double[] spend = new double[n];
        String[] device = new String[n];
        double[] label = new double[n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            spend[i] = i % 50 == 0 ? Double.NaN : 20 + 10 * r.nextDouble();
            device[i] = devices[r.nextInt(3)];
            label[i] = (spend[i] > 25 && device[i].equals("mobile")) ? 1 : 0;
            rows.add(RowFactory.create("s" + i, Double.isNaN(spend[i]) ? null : spend[i], device[i]));
        }
        FeatureFrame frame = FeatureFrame.builder(n).numeric("spend", spend).categorical("device", device).build();
        Pipeline.Fit fit = Pipeline.builder().add("spend", Standardize.of("spend").missing(MissingValues.mean())).add("device",
                IndexEncoder.of("device")).build().fitTransform(frame, FitContext.unsupervised());
        Path folder = dir.resolve("mlp");
        double[] driver;
        try (MlpModel m = Mlp.fit(fit.training(), label, MlpOptions.binary().withHidden(8).withTraining(
                TrainingOptions.defaults().withEpochs(2).withBatchSize(256).withDevice(DevicePolicy.CPU)),
                fit.pipeline())) {
            m.save(folder);
            driver = m.predict(frame);
        }
        StructType schema = new StructType().add("shopper", DataTypes.StringType, false)
                .add("spend", DataTypes.DoubleType, true).add("device", DataTypes.StringType, false);
        Dataset<Row> input = spark.createDataFrame(rows, schema).coalesce(3);
        BatchScores scores = SparkBatchScorer.score(input, folder.toString(), "shopper", 256);
        List<Row> out = scores.scores().collectAsList();
        assertEquals(n, out.size());
        for (Row row : out) {
            int i = Integer.parseInt(row.getString(0).substring(1));
            assertEquals(driver[i], row.getDouble(1), 1e-6, row.getString(0));
        }
        assertEquals(3L, scores.modelLoads().value(), "one model load per partition");
        // 3 partitions of about 1,000 rows in batches of 256: 4 batches each
        assertTrue(scores.batches().value() >= 12 && scores.batches().value() <= 15, "" + scores.batches().value());
    }

    @Test
    void aMissingInputColumnIsNamed() throws IOException {
        StructType schema = new StructType().add("shopper", DataTypes.StringType).add("spend", DataTypes.DoubleType);
        Dataset<Row> input = spark.createDataFrame(List.of(RowFactory.create("s1", 1.0)), schema);
        Path folder = dir.resolve("mlp");
        if (!folder.toFile().exists()) {
            scoresOnTheExecutorsEqualTheDriversPredictionsWithOneModelLoadPerPartition();
        }
        Exception e = assertThrows(Exception.class,
                () -> SparkBatchScorer.score(input, folder.toString(), "shopper", 16));
        assertTrue(e.getMessage().contains("device"), e.getMessage());
    }
}
