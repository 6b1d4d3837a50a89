package ai.behavior.metric;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mean top-K metrics over users at several cut-offs, plus catalogue coverage and how many users the means
 * cover: what {@link RankingAccumulator#result()} returns. Immutable.
 *
 * <pre>{@code
 * RankingResult r = accumulator.result();
 * System.out.println(r.mean(RankingMetric.RECALL, 20) + " over " + r.usersEvaluated() + " users");
 * }</pre>
 */
public final class RankingResult {
    private final int[] ks;
    private final double[][] means;
    private final double[] coverage;
    private final long usersEvaluated;
    private final long usersSkipped;
    private final int catalogueSize;

    RankingResult(int[] ks, double[][] means, double[] coverage, long usersEvaluated, long usersSkipped,
                  int catalogueSize) {
        this.ks = ks.clone();
        this.means = means;
        this.coverage = coverage;
        this.usersEvaluated = usersEvaluated;
        this.usersSkipped = usersSkipped;
        this.catalogueSize = catalogueSize;
    }

    /** The cut-offs, ascending (a copy). */
    public int[] ks() {
        return ks.clone();
    }

    /** Mean of {@code metric} at cut-off {@code k} over evaluated users; NaN if none was evaluated. */
    public double mean(RankingMetric metric, int k) {
        return means[metric.ordinal()][indexOf(k)];
    }

    /** Fraction of the catalogue recommended within the top {@code k} of at least one list. */
    public double coverage(int k) {
        return coverage[indexOf(k)];
    }

    /** Users that entered the means. */
    public long usersEvaluated() {
        return usersEvaluated;
    }

    /** Users left out because their truth set was empty. */
    public long usersSkipped() {
        return usersSkipped;
    }

    /** Catalogue size used for coverage. */
    public int catalogueSize() {
        return catalogueSize;
    }

    /**
     * Every value by label, metric-major then K: {@code "precision@5", "precision@10", ..., "coverage@10"}.
     * Ready for {@code MetricsReport.Builder.row}.
     */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RankingMetric m : RankingMetric.values()) {
            for (int j = 0; j < ks.length; j++) {
                out.put(m.label(ks[j]), means[m.ordinal()][j]);
            }
        }
        for (int j = 0; j < ks.length; j++) {
            out.put("coverage@" + ks[j], coverage[j]);
        }
        return out;
    }

    /** The user counts by label: {@code "users evaluated"} and {@code "users skipped"}. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("users evaluated", usersEvaluated);
        out.put("users skipped", usersSkipped);
        return out;
    }

    private int indexOf(int k) {
        int j = Arrays.binarySearch(ks, k);
        if (j < 0) {
            throw new IllegalArgumentException("K=" + k + " was not evaluated; K values: " + Arrays.toString(ks));
        }
        return j;
    }

    @Override
    public String toString() {
        return "RankingResult[users evaluated=" + usersEvaluated + ", skipped=" + usersSkipped + ", "
                + values() + "]";
    }
}
