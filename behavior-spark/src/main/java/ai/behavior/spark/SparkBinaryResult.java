package ai.behavior.spark;

import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary metrics computed on Spark under a (pointwise) protocol, labelled as single-machine reports label
 * them ({@code "auc"}, {@code "log_loss"}).
 *
 * <pre>{@code
 * SparkBinaryResult r = SparkBinaryMetrics.evaluate(scored, "label", "probability", EvaluationProtocol.pointwise("80/20"));
 * System.out.println(r.toReport("purchase model on Spark", "mlp").toTable());
 * }</pre>
 *
 * @param protocol  the protocol, printed beside the numbers
 * @param auc       ROC AUC, ties counting one half
 * @param logLoss   mean log-loss with {@code LogLoss.DEFAULT_EPS} clipping
 * @param rows      rows evaluated
 * @param positives rows labelled 1
 */
public record SparkBinaryResult(EvaluationProtocol protocol, double auc, double logLoss, long rows, long positives) {
    /** The values by label. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("auc", auc);
        out.put("log_loss", logLoss);
        return out;
    }

    /** A one-row report under the protocol. */
    public MetricsReport toReport(String title, String modelName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows", rows);
        counts.put("positives", positives);
        return MetricsReport.builder(title, protocol).row(modelName, values(), counts).build();
    }
}
