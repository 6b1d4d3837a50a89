package ai.behavior.spark;

import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.metric.RankingMetric;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-K ranking metrics (Precision, Recall, NDCG, HR, MRR, MAP at every K of the protocol, and catalogue
 * coverage) over a DataFrame with one row per user: the ranked item indices, best first, and the user's
 * relevant item indices. Each partition sums its users' metrics with {@code TopKMetrics}' conventions; the
 * driver adds the partials, so the numbers equal {@code RankingAccumulator} over the same lists (up to the
 * order of floating-point addition, far below 1e-9).
 *
 * <pre>{@code
 * Dataset<Row> lists = sparkModel.recommendForAllUsers(10).select(col("user"), col("recommendations.item").as("ranked"));
 * SparkRankingResult r = SparkRanking.evaluate(lists.join(truth, "user"), "ranked", "truth", numItems, protocol);
 * }</pre>
 *
 * <p>Both columns are arrays of int. A null list is an error naming the column and row; an empty truth
 * array is a skipped user (counted, as single-machine evaluation counts it); an item outside
 * {@code [0, catalogueSize)} in the top K is an error.
 */
public final class SparkRanking {
    private SparkRanking() {
    }

    /**
     * Evaluates the lists at every K of {@code protocol}.
     *
     * @param catalogueSize number of items that could be recommended (for coverage)
     */
    public static SparkRankingResult evaluate(Dataset<Row> lists, String rankedColumn, String truthColumn,
                                              int catalogueSize, EvaluationProtocol protocol) {
        if (protocol.ks().isEmpty()) {
            throw new IllegalArgumentException("a ranking evaluation needs a protocol with K values: "
                    + protocol.describe());
        }
        if (catalogueSize <= 0) {
            throw new IllegalArgumentException("catalogueSize must be > 0, got " + catalogueSize);
        }
        int[] ks = protocol.ks().stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        Dataset<Row> narrow = lists.select(functions.col(rankedColumn), functions.col(truthColumn));
        List<RankingPartial> partials = narrow.javaRDD().mapPartitionsWithIndex((partition, rows) -> {
            RankingPartial p = new RankingPartial(ks, catalogueSize);
            long n = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                n++;
                String where = "partition " + partition + ", row " + n;
                p.add(ints(row, 0, rankedColumn, where), ints(row, 1, truthColumn, where), where);
            }
            return List.of(p).iterator();
        }, true).collect();
        RankingPartial all = new RankingPartial(ks, catalogueSize);
        for (RankingPartial p : partials) {
            all.merge(p);
        }
        return result(all, protocol, catalogueSize);
    }

    private static int[] ints(Row row, int field, String column, String where) {
        if (row.isNullAt(field)) {
            throw new IllegalArgumentException(where + ": column '" + column + "' is null");
        }
        List<Object> list = row.getList(field);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Integer x)) {
                throw new IllegalArgumentException(where + ": column '" + column + "' holds " + v
                        + " at position " + i + "; expected non-null int item indices");
            }
            out[i] = x;
        }
        return out;
    }

    private static SparkRankingResult result(RankingPartial all, EvaluationProtocol protocol, int catalogueSize) {
        int[] ks = all.ks;
        Map<String, Double> values = new LinkedHashMap<>();
        RankingMetric[] metrics = RankingMetric.values();
        for (int m = 0; m < metrics.length; m++) {
            for (int j = 0; j < ks.length; j++) {
                values.put(metrics[m].label(ks[j]),
                        all.evaluated == 0 ? Double.NaN : all.sums[m * ks.length + j] / all.evaluated);
            }
        }
        double[] coverage = new double[ks.length];
        for (int rank : all.bestRank) {
            for (int j = 0; j < ks.length; j++) {
                if (rank < ks[j]) {
                    coverage[j]++;
                }
            }
        }
        for (int j = 0; j < ks.length; j++) {
            values.put("coverage@" + ks[j], coverage[j] / catalogueSize);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("users evaluated", all.evaluated);
        counts.put("users skipped", all.skipped);
        return new SparkRankingResult(protocol, values, counts);
    }

    /** The largest K of {@code protocol}: how deep the lists must be. */
    public static int maxK(EvaluationProtocol protocol) {
        return protocol.ks().stream().mapToInt(Integer::intValue).max().orElseThrow(
                () -> new IllegalArgumentException("the protocol has no K: " + protocol.describe()));
    }
}
