/**
 * Analysis of fitted data and models for data scientists: user segmentation with k-means, silhouette scores
 * to choose the number of segments, segment profiles, permutation feature importance for any predictor, and
 * reliability (calibration) bins of predicted probabilities.
 *
 * <pre>{@code
 * KMeansResult km = KMeans.fit(matrix, KMeansOptions.of(4).withSeed(7));
 * System.out.println(Segmentation.profile(users, km.assignments(), log, items).toTable());
 * }</pre>
 *
 * <p>{@link ai.behavior.analysis.KMeans} runs commons-math3's k-means++ clusterer;
 * {@link ai.behavior.analysis.Silhouette} scores a clustering; {@link ai.behavior.analysis.Segmentation}
 * profiles segments and scans k; {@link ai.behavior.analysis.PermutationImportance} measures how much a
 * metric drops when one input is shuffled; {@link ai.behavior.analysis.Calibration} bins probabilities for a
 * reliability diagram.
 */
package ai.behavior.analysis;
