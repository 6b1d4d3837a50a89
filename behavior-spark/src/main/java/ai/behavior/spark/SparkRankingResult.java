package ai.behavior.spark;

import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;

import java.util.Map;

/**
 * Ranking metrics computed on Spark, under the protocol that produced the lists: the same labels
 * ({@code "recall@10"}, {@code "coverage@10"}, ...) and counts as {@code RankingResult}, so a
 * {@link MetricsReport} prints them exactly as it prints a single-machine evaluation.
 *
 * <pre>{@code
 * SparkRankingResult r = SparkRanking.evaluate(lists, "ranked", "truth", items.size(), protocol);
 * System.out.println(r.toReport("ALS on Spark", "spark-als").toTable());
 * }</pre>
 *
 * @param protocol the evaluation protocol, printed beside the numbers
 * @param values   every metric by label, metric-major then K, then coverage
 * @param counts   {@code "users evaluated"} and {@code "users skipped"}
 */
public record SparkRankingResult(EvaluationProtocol protocol, Map<String, Double> values, Map<String, Long> counts) {
    /** Copies the maps (keeping their order). */
    public SparkRankingResult {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    /** One value by label, e.g. {@code value("ndcg@10")}. */
    public double value(String label) {
        Double v = values.get(label);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + label + "'; have " + values.keySet());
        }
        return v;
    }

    /** A one-row report under the protocol. */
    public MetricsReport toReport(String title, String modelName) {
        return MetricsReport.builder(title, protocol).row(modelName, values, counts).build();
    }
}
