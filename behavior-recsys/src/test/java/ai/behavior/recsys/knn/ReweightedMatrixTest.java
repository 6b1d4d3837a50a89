package ai.behavior.recsys.knn;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The TF-IDF and BM25 formulas documented on {@link Reweighting}, checked entry by entry. */
class ReweightedMatrixTest {
    private static final double EPS = 1e-5;

    private final Interactions log = ItemKnnTest.tiny(); // 4 users, N = 5 items (e has no events)
    private final Csr x = Csr.of(UserItemMatrix.of(log, Weighting.counts()));

    private double idf(String user) {
        int df = x.length(log.users().indexOf(user));
        return Math.log(5) - Math.log(1 + df);
    }

    private float value(Csr m, String user, String item) {
        int u = log.users().indexOf(user);
        int i = log.items().indexOf(item);
        for (int p = m.start(u); p < m.end(u); p++) {
            if (m.cols()[p] == i) {
                return m.values()[p];
            }
        }
        return 0f;
    }

    @Test
    void noneKeepsTheValues() {
        assertSame(x, ReweightedMatrix.apply(x, 5, Reweighting.none()));
    }

    @Test
    void tfIdfIsSqrtValueTimesTheUsersIdf() {
        Csr w = ReweightedMatrix.apply(x, 5, Reweighting.tfIdf());
        assertEquals(idf("u0"), value(w, "u0", "a"), EPS);       // ln 5 - ln 3
        assertEquals(Math.log(5) - Math.log(4), value(w, "u1", "c"), EPS);
        assertEquals(Math.sqrt(2) * idf("u3"), value(w, "u3", "d"), EPS);
    }

    @Test
    void bm25FollowsTheDocumentedFormula() {
        double k1 = 1.2;
        double b = 0.75;
        Csr w = ReweightedMatrix.apply(x, 5, Reweighting.bm25(k1, b));
        // item lengths: a 3, b 3, c 2, d 2, e 0; mean over the 5 items = 2
        double avg = 2.0;
        assertEquals(1 * (k1 + 1) / (k1 * ((1 - b) + b * 3 / avg) + 1) * idf("u0"), value(w, "u0", "a"), EPS);
        assertEquals(2 * (k1 + 1) / (k1 * ((1 - b) + b * 2 / avg) + 2) * idf("u3"), value(w, "u3", "d"), EPS);
        assertEquals(1 * (k1 + 1) / (k1 * ((1 - b) + b * 2 / avg) + 1) * idf("u2"), value(w, "u2", "c"), EPS);
    }

    @Test
    void idfIsClampedAtZeroForAUserWhoTouchedEverything() {
        Csr full = new Csr(new int[] {0, 2}, new int[] {0, 1}, new float[] {1f, 1f});
        assertEquals(0.0, ReweightedMatrix.idf(full, 2)[0]); // ln 2 - ln 3 < 0, clamped
    }
}
