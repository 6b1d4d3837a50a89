package ai.behavior.analysis;

/**
 * How well k-means did with one number of clusters.
 *
 * <pre>{@code
 * KScore s = selection.scores().get(0);
 * System.out.println("k=" + s.k() + " silhouette=" + s.silhouette());
 * }</pre>
 *
 * @param k          number of clusters
 * @param silhouette mean silhouette ({@link Silhouette#score(double[][], int[])}); higher is better
 * @param inertia    k-means inertia; always falls as k grows, so look for the elbow rather than the minimum
 */
public record KScore(int k, double silhouette, double inertia) {
}
