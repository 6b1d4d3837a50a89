package ai.behavior.synth;

/** The planted affinity of a user for an item: a scaled dot product of taste and embedding. */
final class Affinity {
    private Affinity() {
    }

    /** {@code taste(u) . embedding(i) / sqrt(d)} over row-major arrays. */
    static double of(double[] tastes, int u, double[] embeddings, int i, int d) {
        int a = u * d;
        int b = i * d;
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += tastes[a + k] * embeddings[b + k];
        }
        return s / Math.sqrt(d);
    }
}
