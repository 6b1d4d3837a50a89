package ai.behavior.spark;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.models.mlp.MlpModel;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a DataFrame with a saved {@link MlpModel} and the feature pipeline saved inside it, on the
 * executors: {@code mapPartitions} loads the model once per partition, transforms and predicts the rows in
 * batches, and closes the model (its native memory) when the partition is done, also on failure.
 *
 * <pre>{@code
 * BatchScores s = SparkBatchScorer.score(frame, "/shared/models/purchase-mlp", "user", 4096);
 * s.scores().show();
 * }</pre>
 *
 * <p>The model folder must be readable at the same path on every executor (a shared file system, or
 * shipped with {@code spark-submit --files} / {@code --archives}). The pipeline's input columns are read by
 * name: Spark numeric columns become numeric features (null = missing, NaN), strings become categorical
 * features (null = missing), Spark timestamps become timestamp features. Each partition keeps its scores
 * (key and one double per row) until it is done, while its input rows stream; size partitions accordingly.
 */
public final class SparkBatchScorer {
    private SparkBatchScorer() {
    }

    /**
     * Scores every row of {@code frame}.
     *
     * @param modelDir  the saved model's folder, visible to every executor
     * @param keyColumn a column copied beside each score (e.g. the user id)
     * @param batchSize rows per inference batch, {@code >= 1}
     * @throws IOException if the model cannot be read on the driver (read once there to learn its inputs)
     * @throws IllegalArgumentException if the model has no pipeline or the frame lacks one of its inputs
     */
    public static BatchScores score(Dataset<Row> frame, String modelDir, String keyColumn, int batchSize)
            throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        List<String> inputs;
        try (MlpModel model = MlpModel.load(Path.of(modelDir))) {
            inputs = pipelineOf(model, modelDir).inputs();
        }
        List<String> names = new ArrayList<>();
        names.add(keyColumn);
        names.addAll(inputs);
        Dataset<Row> narrow = frame.select(names.stream().map(functions::col).toArray(org.apache.spark.sql.Column[]::new));
        StructType schema = narrow.schema();
        Kind[] kinds = new Kind[inputs.size()];
        for (int c = 0; c < kinds.length; c++) {
            kinds[c] = kind(schema.fields()[c + 1]);
        }
        SparkSession spark = frame.sparkSession();
        LongAccumulator loads = spark.sparkContext().longAccumulator("behavior model loads");
        LongAccumulator batches = spark.sparkContext().longAccumulator("behavior scoring batches");
        String[] columns = inputs.toArray(String[]::new);
        JavaRDD<Row> scored = narrow.javaRDD().mapPartitions(rows -> {
            List<Row> out = new ArrayList<>();
            if (!rows.hasNext()) {
                return out.iterator(); // an empty partition loads nothing
            }
            try (MlpModel model = MlpModel.load(Path.of(modelDir))) {
                loads.add(1);
                List<Row> batch = new ArrayList<>(Math.min(batchSize, 65_536));
                while (rows.hasNext()) {
                    batch.add(rows.next());
                    if (batch.size() == batchSize || !rows.hasNext()) {
                        double[] p = model.predict(frameOf(batch, columns, kinds));
                        for (int r = 0; r < p.length; r++) {
                            out.add(RowFactory.create(batch.get(r).get(0), p[r]));
                        }
                        batches.add(1);
                        batch.clear();
                    }
                }
            }
            return out.iterator();
        });
        StructType outSchema = new StructType().add(schema.fields()[0])
                .add("score", DataTypes.DoubleType, false);
        return new BatchScores(spark.createDataFrame(scored, outSchema), loads, batches);
    }

    private static FittedPipeline pipelineOf(MlpModel model, String dir) {
        return model.pipeline().orElseThrow(() -> new IllegalArgumentException("the model in " + dir
                + " was saved without a feature pipeline; batch scoring reads raw columns through it"));
    }

    /** How a Spark column becomes a feature column. */
    enum Kind { NUMERIC, CATEGORICAL, TIMESTAMP }

    private static Kind kind(StructField f) {
        DataType t = f.dataType();
        if (t instanceof NumericType) {
            return Kind.NUMERIC;
        }
        if (t.equals(DataTypes.StringType)) {
            return Kind.CATEGORICAL;
        }
        if (t.equals(DataTypes.TimestampType) || t.equals(DataTypes.DateType)) {
            return Kind.TIMESTAMP;
        }
        throw new IllegalArgumentException("column '" + f.name() + "' has Spark type " + t.simpleString()
                + "; batch scoring reads numeric, string and timestamp columns");
    }

    /** One batch of rows (field 0 the key, then the inputs) as a feature frame. */
    static FeatureFrame frameOf(List<Row> rows, String[] columns, Kind[] kinds) {
        int n = rows.size();
        FeatureFrame.Builder b = FeatureFrame.builder(n);
        for (int c = 0; c < columns.length; c++) {
            int field = c + 1;
            if (kinds[c] == Kind.NUMERIC) {
                double[] v = new double[n];
                for (int r = 0; r < n; r++) {
                    Row row = rows.get(r);
                    v[r] = row.isNullAt(field) ? Double.NaN : ((Number) row.get(field)).doubleValue();
                }
                b.numeric(columns[c], v);
            } else if (kinds[c] == Kind.CATEGORICAL) {
                String[] v = new String[n];
                for (int r = 0; r < n; r++) {
                    v[r] = rows.get(r).isNullAt(field) ? null : rows.get(r).getString(field);
                }
                b.categorical(columns[c], v);
            } else {
                long[] v = new long[n];
                for (int r = 0; r < n; r++) {
                    Object t = rows.get(r).get(field);
                    Long ms = t == null ? null : EventRowParser.millis(t, ai.behavior.io.TimestampFormat.EPOCH_MILLIS);
                    v[r] = ms == null ? FeatureFrame.MISSING_TIME : ms;
                }
                b.timestamps(columns[c], v);
            }
        }
        return b.build();
    }
}
