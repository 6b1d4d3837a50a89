package ai.behavior.recsys.eval;

import ai.behavior.eval.CandidateMode;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.metric.RankingResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link TopNEvaluator} measured: the mean top-K metrics (with users evaluated and skipped), the
 * protocol and truth filter behind them, and how many users were served by the popularity fallback.
 *
 * <pre>{@code
 * TopNResult r = TopNEvaluator.evaluate(recommender, train, test, protocol, TopNEvaluator.Options.defaults());
 * System.out.println(r.toReport("ML-100K", "item-knn").toTable());
 * }</pre>
 *
 * @param protocol               the protocol the numbers were measured under
 * @param truth                  the truth filter, in words
 * @param ranking                the means at every K (users without truth are counted as skipped)
 * @param usersOnFallback        evaluated users the model did not know (ranked by popularity)
 * @param usersShortOfNegatives  sampled modes: evaluated users with fewer eligible negatives than asked
 *                               (they were ranked among all they had); 0 in full ranking
 * @param seconds                wall-clock time of the evaluation
 */
public record TopNResult(EvaluationProtocol protocol, String truth, RankingResult ranking, long usersOnFallback,
                         long usersShortOfNegatives, double seconds) {

    /** Every metric at every K, e.g. {@code "ndcg@10" -> 0.31}, plus coverage. */
    public Map<String, Double> values() {
        return ranking.values();
    }

    /** User counts: evaluated, skipped (no truth), on fallback, and (sampled modes) short of negatives. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>(ranking.counts());
        out.put("users on fallback", usersOnFallback);
        if (!(protocol.candidates() instanceof CandidateMode.Full)) {
            out.put("users short of negatives", usersShortOfNegatives);
        }
        return out;
    }

    /** A one-row report titled {@code title} (the truth filter is added to the title). */
    public MetricsReport toReport(String title, String modelName) {
        return addTo(MetricsReport.builder(title + " (truth: " + truth + ")", protocol), modelName).build();
    }

    /**
     * Adds this result as row {@code modelName} to {@code report}, which must have been built for the same
     * protocol (use {@link #report} to have that checked).
     */
    public MetricsReport.Builder addTo(MetricsReport.Builder report, String modelName) {
        return report.row(modelName, values(), counts());
    }

    /**
     * One report with a row per model, in the map's order.
     *
     * @throws IllegalArgumentException if the results differ in protocol or truth filter, or there are none
     */
    public static MetricsReport report(String title, Map<String, TopNResult> byModel) {
        if (byModel.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one result");
        }
        TopNResult first = byModel.values().iterator().next();
        MetricsReport.Builder b = MetricsReport.builder(title + " (truth: " + first.truth() + ")", first.protocol());
        byModel.forEach((name, r) -> {
            if (!r.protocol().equals(first.protocol()) || !r.truth().equals(first.truth())) {
                throw new IllegalArgumentException("result '" + name + "' was measured under another protocol or truth"
                        + " filter: " + r.protocol().describe() + "; truth: " + r.truth());
            }
            r.addTo(b, name);
        });
        return b.build();
    }

    /** The protocol line, the truth filter, then the values and counts. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(protocol.describe()).append("\ntruth: ").append(truth).append('\n');
        values().forEach((k, v) -> s.append(String.format(Locale.ROOT, "%s=%.4f ", k, v)));
        counts().forEach((k, v) -> s.append(k).append('=').append(v).append(' '));
        return s.append(String.format(Locale.ROOT, "(%.2f s)", seconds)).toString();
    }
}
