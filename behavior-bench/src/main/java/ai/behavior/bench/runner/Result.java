package ai.behavior.bench.runner;

/**
 * One figure of a scenario run: one metric of one model, with the protocol it was measured under. The
 * runner writes each as one JSON line (with the run's date, JDK and cores, see {@link ResultsJson}).
 *
 * <pre>{@code
 * Result r = new Result("ml100k-rating", "ml-100k", "baseline", "RMSE", 0.9438, "protocol: ...", 1.2, 1);
 * String json = ResultsJson.line(r, RunEnvironment.now());
 * }</pre>
 *
 * @param scenario the scenario's name
 * @param dataset  the dataset in a few words
 * @param model    the model (or peer, or ratio) and its settings
 * @param metric   the metric name, e.g. {@code "ndcg@10"}, {@code "RMSE"}, {@code "s/iteration"}
 * @param value    the figure; always finite
 * @param protocol how it was measured: {@link ai.behavior.eval.EvaluationProtocol#describe()} for quality
 *                 figures, a timing protocol in words for speed figures
 * @param seconds  wall-clock seconds of the work behind the figure (fit and evaluation; every fold of a
 *                 cross-validation; every timed fit of a speed figure), {@code >= 0}
 * @param threads  threads the model actually used, {@code >= 1}
 */
public record Result(String scenario, String dataset, String model, String metric, double value, String protocol,
                     double seconds, int threads) {
    /** Validates every field, naming the model and metric in the message. */
    public Result {
        String where = "result " + scenario + " / " + model + " / " + metric;
        for (String s : new String[] {scenario, dataset, model, metric, protocol}) {
            if (s == null || s.isBlank() || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException(where + ": text fields must be one non-blank line, got '" + s
                        + "'");
            }
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where + ": value must be finite, got " + value);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(where + ": seconds must be finite and >= 0, got " + seconds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException(where + ": threads must be >= 1, got " + threads);
        }
    }
}
