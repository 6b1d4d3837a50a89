package ai.behavior.spark;

import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.metric.LogLoss;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * ROC AUC and log-loss over a DataFrame of predictions, equal to {@code RocAuc.of} and {@code LogLoss.of} on
 * the same rows: AUC exactly (bit for bit), log-loss up to the order of floating-point addition.
 *
 * <pre>{@code
 * double auc = SparkBinaryMetrics.auc(scored, "label", "score");
 * SparkBinaryResult r = SparkBinaryMetrics.evaluate(scored, "label", "probability", protocol);
 * }</pre>
 *
 * <h2>Exact AUC</h2>
 * The AUC is the Mann-Whitney probability {@code P(pos > neg) + P(pos == neg) / 2}. Spark groups the rows by
 * exact score ({@code -0.0} folded into {@code 0.0}), counting positives and negatives per distinct score, and
 * sorts these groups (a range-partitioned sort, so each distinct score sits in one partition). Each partition
 * then counts, in integers, twice its won pairs plus its tied pairs against the negatives before it in the
 * partition; the driver adds the partitions in order with {@code 2 · positives · (negatives of earlier
 * partitions)}. The count is exact in a {@code long}, and the final division is the same expression as the
 * single-machine code, so the results are identical, ties included. Cost: one shuffle by score (the number of
 * distinct scores, not of rows) and one sort.
 *
 * <p>Labels are 0/1 numbers or booleans; anything else, a null, or a NaN score is an error naming the column
 * and value. With one class only the AUC is undefined: an {@link IllegalArgumentException}, as on one machine.
 */
public final class SparkBinaryMetrics {
    private SparkBinaryMetrics() {
    }

    /** AUC and log-loss of probabilities in {@code probabilityColumn}, under {@code protocol}. */
    public static SparkBinaryResult evaluate(Dataset<Row> predictions, String labelColumn, String probabilityColumn,
                                             EvaluationProtocol protocol) {
        // three Spark jobs read the predictions: keep them, so an uncached scoring job runs (loads its model) once
        Dataset<Row> checked = checked(predictions, labelColumn, probabilityColumn, true).persist();
        try {
            long[] counts = new long[2];
            double loss = logLossOf(checked, counts);
            double auc = aucOf(checked, labelColumn);
            return new SparkBinaryResult(protocol, auc, loss, counts[0], counts[1]);
        } finally {
            checked.unpersist();
        }
    }

    /** The exact ROC AUC of {@code scoreColumn} against 0/1 {@code labelColumn}. */
    public static double auc(Dataset<Row> predictions, String labelColumn, String scoreColumn) {
        return aucOf(checked(predictions, labelColumn, scoreColumn, false), labelColumn);
    }

    private static double aucOf(Dataset<Row> checked, String labelColumn) {
        Column score = functions.col("score");
        Dataset<Row> groups = checked
                .select(functions.when(score.equalTo(0.0), functions.lit(0.0)).otherwise(score).as("s"),
                        functions.col("y"))
                .groupBy("s")
                .agg(functions.sum("y").as("pos"), functions.count(functions.lit(1)).as("n"))
                .orderBy("s");
        List<long[]> parts = new ArrayList<>(groups.javaRDD().mapPartitionsWithIndex((partition, rows) -> {
            long pos = 0;
            long neg = 0;
            long twiceWins = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                long p = r.getLong(1);
                long q = r.getLong(2) - p;
                twiceWins += p * (2L * neg + q); // each positive beats the negatives below, ties with the equal ones
                pos += p;
                neg += q;
            }
            return List.of(new long[] {partition, pos, neg, twiceWins}).iterator();
        }, true).collect());
        parts.sort((a, b) -> Long.compare(a[0], b[0]));
        long positives = 0;
        long negatives = 0;
        long twiceWins = 0;
        for (long[] p : parts) {
            twiceWins += p[3] + 2L * p[1] * negatives;
            positives += p[1];
            negatives += p[2];
        }
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC AUC is undefined with one class: " + positives + " positives and "
                    + negatives + " negatives in column '" + labelColumn + "'");
        }
        return twiceWins / (2.0 * positives * (double) negatives);
    }

    /** Mean log-loss of probabilities, clipped to {@code [eps, 1 - eps]} with {@link LogLoss#DEFAULT_EPS}. */
    public static double logLoss(Dataset<Row> predictions, String labelColumn, String probabilityColumn) {
        return logLossOf(checked(predictions, labelColumn, probabilityColumn, true), new long[2]);
    }

    private static double logLossOf(Dataset<Row> checked, long[] counts) {
        double eps = LogLoss.DEFAULT_EPS;
        List<double[]> parts = checked.select("y", "score").javaRDD().mapPartitions(rows -> {
            double sum = 0;
            long n = 0;
            long pos = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                double p = Math.min(Math.max(r.getDouble(1), eps), 1.0 - eps);
                boolean positive = r.getInt(0) == 1;
                sum += positive ? -Math.log(p) : -Math.log(1.0 - p);
                n++;
                pos += positive ? 1 : 0;
            }
            return List.of(new double[] {sum, n, pos}).iterator();
        }).collect();
        double sum = 0;
        for (double[] p : parts) {
            sum += p[0];
            counts[0] += (long) p[1];
            counts[1] += (long) p[2];
        }
        if (counts[0] == 0) {
            throw new IllegalArgumentException("log-loss is undefined: the DataFrame has no rows");
        }
        return sum / counts[0];
    }

    /**
     * The predictions as (y int 0/1, score double), after checking every label and score in one pass (a
     * second query finds the first offending value only when there is one).
     *
     * @throws IllegalArgumentException naming the first null or non-0/1 label, null / NaN score, or (for
     *                                  probabilities) a score outside [0, 1]
     */
    private static Dataset<Row> checked(Dataset<Row> predictions, String labelColumn, String scoreColumn,
                                        boolean probabilities) {
        Column label = functions.col(labelColumn).cast("double");
        Column score = functions.col(scoreColumn).cast("double");
        Column badLabel = label.isNull().or(label.notEqual(0.0).and(label.notEqual(1.0)));
        Column badScore = score.isNull().or(functions.isnan(score));
        Column badProbability = functions.lit(probabilities).and(score.lt(0.0).or(score.gt(1.0)));
        Row bad = predictions.agg(flagged(badLabel), flagged(badScore), flagged(badProbability)).first();
        if (bad.getLong(0) > 0) {
            throw new IllegalArgumentException("column '" + labelColumn + "' has " + example(predictions, badLabel,
                    labelColumn) + "; labels must be 0 or 1 (or booleans)");
        }
        if (bad.getLong(1) > 0) {
            throw new IllegalArgumentException("column '" + scoreColumn + "' has " + example(predictions, badScore,
                    scoreColumn) + "; scores must be numbers, not null or NaN");
        }
        if (bad.getLong(2) > 0) {
            throw new IllegalArgumentException("column '" + scoreColumn + "' has " + example(predictions,
                    badProbability, scoreColumn) + ", which is not a probability in [0, 1]");
        }
        return predictions.select(label.cast("int").as("y"), score.as("score"));
    }

    private static Column flagged(Column bad) {
        return functions.coalesce(functions.sum(functions.when(bad, 1L).otherwise(0L)), functions.lit(0L));
    }

    private static Object example(Dataset<Row> predictions, Column bad, String column) {
        return predictions.filter(bad).select(functions.col(column)).limit(1).collectAsList().get(0).get(0);
    }
}
