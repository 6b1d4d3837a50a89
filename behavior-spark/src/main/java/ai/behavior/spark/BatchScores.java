package ai.behavior.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The lazily computed scores of {@link SparkBatchScorer} and counters filled as Spark computes them. Every
 * action on {@link #scores()} runs the scoring again (loading the model again per partition): cache or write
 * the result when you use it more than once.
 *
 * <pre>{@code
 * BatchScores s = SparkBatchScorer.score(frame, modelDir, "user", 4096);
 * s.scores().write().parquet(out);  System.out.println(s.modelLoads().value() + " model loads");
 * }</pre>
 *
 * @param scores     the key column and a double {@code score} column, one row per input row, input order
 *                   within each partition
 * @param modelLoads model loads (one per non-empty partition per computation)
 * @param batches    inference batches run
 */
public record BatchScores(Dataset<Row> scores, LongAccumulator modelLoads, LongAccumulator batches) {
}
