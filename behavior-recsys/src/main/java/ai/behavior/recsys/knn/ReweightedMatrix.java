package ai.behavior.recsys.knn;

/** Computes the {@link Reweighting} formulas on a users x items matrix. */
final class ReweightedMatrix {
    private ReweightedMatrix() {
    }

    /** The weights of {@code userItems} (users x items, {@code numItems} columns) under {@code r}. */
    static Csr apply(Csr userItems, int numItems, Reweighting r) {
        if (r instanceof Reweighting.None) {
            return userItems;
        }
        float[] x = userItems.values();
        for (int p = 0; p < x.length; p++) {
            if (x[p] < 0) {
                throw new IllegalArgumentException(r.describe() + " re-weighting needs values >= 0, but user "
                        + userOf(userItems, p) + " has " + x[p] + " for item " + userItems.cols()[p]
                        + "; use Reweighting.none() or a weighting without negative values");
            }
        }
        double[] idf = idf(userItems, numItems);
        float[] w = new float[x.length];
        if (r instanceof Reweighting.TfIdf) {
            for (int u = 0; u < userItems.rows(); u++) {
                for (int p = userItems.start(u); p < userItems.end(u); p++) {
                    w[p] = (float) (Math.sqrt(x[p]) * idf[u]);
                }
            }
        } else {
            Reweighting.Bm25 bm25 = (Reweighting.Bm25) r;
            double[] length = new double[numItems];
            double total = 0;
            for (int p = 0; p < x.length; p++) {
                length[userItems.cols()[p]] += x[p];
                total += x[p];
            }
            double avgLength = total / numItems;
            double k1 = bm25.k1();
            double b = bm25.b();
            for (int u = 0; u < userItems.rows(); u++) {
                for (int p = userItems.start(u); p < userItems.end(u); p++) {
                    double norm = avgLength > 0 ? (1 - b) + b * length[userItems.cols()[p]] / avgLength : 1;
                    double denominator = k1 * norm + x[p];
                    w[p] = denominator == 0 ? 0f : (float) (x[p] * (k1 + 1) / denominator * idf[u]);
                }
            }
        }
        return userItems.withValues(w);
    }

    /** {@code idf(u) = max(0, ln N - ln(1 + df(u)))}. */
    static double[] idf(Csr userItems, int numItems) {
        double logN = Math.log(numItems);
        double[] idf = new double[userItems.rows()];
        for (int u = 0; u < idf.length; u++) {
            idf[u] = Math.max(0, logN - Math.log1p(userItems.length(u)));
        }
        return idf;
    }

    private static int userOf(Csr m, int position) {
        int u = 0;
        while (m.end(u) <= position) {
            u++;
        }
        return u;
    }
}
