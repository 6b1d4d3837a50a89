package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

    @Test
    void probabilitiesAreStrictlyInsideZeroOne() {
        ViewTruth v = TestShops.DEFAULT.truth().views();
        assertTrue(v.size() > 10_000);
        for (int k = 0; k < v.size(); k++) {
            double c = v.cartProbability()[k];
            double p = v.purchaseProbability()[k];
            assertTrue(c > 0 && c < 1, "cart probability " + c);
            assertTrue(p > 0 && p < 1 && p <= c, "purchase probability " + p + " with cart " + c);
        }
    }

    /**
     * Outcomes are Bernoulli draws with the planted probabilities, so the realised count minus the expected
     * count has standard deviation sqrt(sum p(1-p)); four of those bound it (a 6e-5 two-sided tail), here for
     * all views and within each quintile of planted probability.
     */
    @Test
    void plantedProbabilitiesAreCalibrated() {
        ViewTruth v = TestShops.DEFAULT.truth().views();
        assertCalibrated("purchase, all views", v.purchaseProbability(), v.purchased(), 0, v.size(), null);
        assertCalibrated("cart, all views", v.cartProbability(), v.carted(), 0, v.size(), null);
        Integer[] order = new Integer[v.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        double[] p = v.purchaseProbability();
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        for (int q = 0; q < 5; q++) {
            int from = q * order.length / 5;
            int to = (q + 1) * order.length / 5;
            assertCalibrated("purchase, quintile " + q, p, v.purchased(), from, to, order);
        }
    }

    @Test
    void plantedProbabilityRanksOutcomesWell() {
        for (ShopData shop : new ShopData[] {TestShops.DEFAULT,
                SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(500).withSeed(99))}) {
            ViewTruth v = shop.truth().views();
            double purchase = auc(v.purchaseProbability(), v.purchased());
            double cart = auc(v.cartProbability(), v.carted());
            assertTrue(purchase > 0.75, "purchase AUC " + purchase);
            assertTrue(cart > 0.7, "cart AUC " + cart);
        }
    }

    @Test
    void aucHelperIsRight() {
        assertEquals(1.0, auc(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}));
        assertEquals(0.0, auc(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {true, true, false, false}));
        assertEquals(0.5, auc(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, true, false}));
        assertEquals(0.75, auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}));
    }

    /** The taste signal is in the log: viewed and bought pairs have higher planted affinity than random. */
    @Test
    void affinityDrivesViewsAndPurchases() {
        ShopData shop = TestShops.DEFAULT;
        GroundTruth t = shop.truth();
        Interactions log = shop.interactions();
        ViewTruth v = t.views();
        double viewed = 0;
        double bought = 0;
        int nBought = 0;
        for (int k = 0; k < v.size(); k++) {
            int r = v.rows()[k];
            double a = t.affinity(log.user(r), log.item(r));
            viewed += a;
            if (v.purchased()[k]) {
                bought += a;
                nBought++;
            }
        }
        viewed /= v.size();
        bought /= nBought;
        SplittableRandom rng = new SplittableRandom(1);
        double random = 0;
        for (int k = 0; k < 20_000; k++) {
            random += t.affinity(rng.nextInt(log.numUsers()), rng.nextInt(log.numItems()));
        }
        random /= 20_000;
        assertTrue(Math.abs(random) < 0.1, "random-pair affinity " + random);
        assertTrue(viewed > random + 0.7, "viewed affinity " + viewed);
        assertTrue(bought > viewed + 0.2, "bought affinity " + bought + " vs viewed " + viewed);
    }

    @Test
    void popularityIsSkewedAndActivityDrivesVolume() {
        ShopData shop = TestShops.DEFAULT;
        Interactions log = shop.interactions();
        double[] pop = shop.truth().items().popularity();
        double[] sorted = pop.clone();
        Arrays.sort(sorted);
        double headCut = sorted[(int) (0.9 * sorted.length)];
        int headViews = 0;
        ViewTruth v = shop.truth().views();
        for (int r : v.rows()) {
            headViews += pop[log.item(r)] >= headCut ? 1 : 0;
        }
        assertTrue(headViews > 0.35 * v.size(), "top 10% items got " + headViews + " of " + v.size() + " views");

        double[] activity = shop.truth().users().activity();
        double[] events = new double[2];
        int[] users = new int[2];
        for (int u = 0; u < activity.length; u++) {
            int heavy = activity[u] > 2 ? 1 : activity[u] < 0.5 ? 0 : -1;
            if (heavy >= 0) {
                events[heavy] += log.byUser().count(u);
                users[heavy]++;
            }
        }
        assertTrue(events[1] / users[1] > 5 * events[0] / users[0], "heavy users not more active");
    }

    private static void assertCalibrated(String what, double[] p, boolean[] y, int from, int to, Integer[] order) {
        double expected = 0;
        double variance = 0;
        double realised = 0;
        for (int j = from; j < to; j++) {
            int k = order == null ? j : order[j];
            expected += p[k];
            variance += p[k] * (1 - p[k]);
            realised += y[k] ? 1 : 0;
        }
        double z = (realised - expected) / Math.sqrt(variance);
        assertTrue(Math.abs(z) < 4, what + ": realised " + realised + " vs expected " + expected + " (z=" + z + ")");
    }

    /** Rank-sum (Mann-Whitney) AUC with average ranks for ties; O(n log n). */
    static double auc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // average of ranks i+1 .. j
            for (int k = i; k < j; k++) {
                if (positive[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = n - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
