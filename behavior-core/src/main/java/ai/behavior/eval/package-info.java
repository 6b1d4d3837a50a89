/**
 * The evaluation protocol behind every published number, and reports that keep numbers and protocol together.
 *
 * <pre>{@code
 * EvaluationProtocol p = EvaluationProtocol.fullRanking("leave-last-1-out per user", 10, 20);
 * System.out.println(MetricsReport.builder("ML-1M", p).row("ALS", result).build().toTable());
 * }</pre>
 *
 * <p>{@link ai.behavior.eval.EvaluationProtocol} records split, ordering, candidate mode
 * ({@link ai.behavior.eval.CandidateMode}), seen-item filtering, K values and seed, after RecBole's
 * {@code eval_args}; {@link ai.behavior.eval.MetricsReport} renders results as an aligned table or JSON.
 */
package ai.behavior.eval;
