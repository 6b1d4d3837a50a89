/**
 * Evaluation metrics as pure static functions over primitive arrays, one implementation for training-time
 * validation and offline evaluation alike.
 *
 * <pre>{@code
 * double auc = RocAuc.of(truth, scores);
 * RankingResult r = new RankingAccumulator(items, 10, 20).result();
 * }</pre>
 *
 * <p>Binary classification: {@link ai.behavior.metric.RocAuc} (full and partial),
 * {@link ai.behavior.metric.RocCurve}, {@link ai.behavior.metric.PrecisionRecallCurve},
 * {@link ai.behavior.metric.AveragePrecision}, {@link ai.behavior.metric.LogLoss},
 * {@link ai.behavior.metric.BinaryConfusion}, {@link ai.behavior.metric.F1Threshold},
 * {@link ai.behavior.metric.GroupAuc}. Multi-class: {@link ai.behavior.metric.MultiClassConfusion}.
 * Regression: {@link ai.behavior.metric.RegressionMetrics}. Ranking: {@link ai.behavior.metric.Ndcg} (graded,
 * scikit-learn compatible), {@link ai.behavior.metric.TopKMetrics} and
 * {@link ai.behavior.metric.RankingAccumulator} (recommender top-K lists).
 *
 * <p>Values match scikit-learn 1.2 where scikit-learn defines them (checked by a golden test); every
 * deliberate difference is documented on the class. Invalid input (length mismatch, NaN, labels other than
 * 0/1, an undefined metric such as the AUC of one class) throws {@link java.lang.IllegalArgumentException}
 * with a message naming the argument and index.
 */
package ai.behavior.metric;
