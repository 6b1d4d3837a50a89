package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.UserItemMatrix;

import java.util.Map;
import java.util.SplittableRandom;

/** Fits {@link BiasedMf} by stochastic gradient descent; the rule is documented on {@link BiasedMf#fitSgd}. */
final class SgdTrainer {
    private SgdTrainer() {
    }

    static BiasedMf fit(Interactions train, SgdOptions o) {
        RatingData data = RatingData.training(train, o.ratingScale());
        RatingData valid = o.earlyStopping() == null ? null
                : RatingData.validation(o.earlyStopping().validation(), train, o.ratingScale());
        RatingRange clip = data.clipRange(o);
        UserItemMatrix m = data.byUser;
        int k = o.factors();
        Parameters w = new Parameters(m.numRows(), m.numCols(), k, data.mean);
        SplittableRandom random = new SplittableRandom(o.seed());
        Parameters.gaussian(w.p, o.initMean(), o.initStdDev(), random);
        Parameters.gaussian(w.q, o.initMean(), o.initStdDev(), random);
        w.zeroUnseen(data.userCount, data.itemCount);

        int n = data.size();
        int[] users = new int[n];
        int[] items = new int[n];
        double[] ratings = new double[n];
        int t = 0;
        for (int u = 0; u < m.numRows(); u++) {
            for (int x = m.rowStart(u); x < m.rowEnd(u); x++, t++) {
                users[t] = u;
                items[t] = m.col(x);
                ratings[t] = m.value(x);
            }
        }
        if (o.order() == SgdOptions.Order.USER_BY_USER) {
            userByUser(m, users, items, ratings, random);
        }

        EpochMonitor monitor = new EpochMonitor("biased-mf sgd", o, data, valid, clip);
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            if (o.order() == SgdOptions.Order.SHUFFLE_EACH_EPOCH) {
                shuffle(users, items, ratings, 0, n, random);
            }
            epoch(w, users, items, ratings, o);
            if (monitor.afterEpoch(epoch, w, Map.of())) {
                break;
            }
        }
        return BiasedMf.of(train.users(), train.items(), monitor.result(w), data, clip, o, monitor.keptEpoch());
    }

    /** One pass in array order: Surprise's SVD update, biases first, then the factors simultaneously. */
    private static void epoch(Parameters w, int[] users, int[] items, double[] ratings, SgdOptions o) {
        int k = w.k;
        double[] bu = w.bu;
        double[] bi = w.bi;
        double[] p = w.p;
        double[] q = w.q;
        double lr = o.learningRate();
        double reg = o.regularization();
        double lrb = o.biasLearningRate();
        double regb = o.biasRegularization();
        for (int t = 0; t < users.length; t++) {
            int u = users[t];
            int i = items[t];
            int pu = u * k;
            int qi = i * k;
            double dot = 0;
            for (int f = 0; f < k; f++) {
                dot += q[qi + f] * p[pu + f];
            }
            double err = ratings[t] - (w.mean + bu[u] + bi[i] + dot);
            bu[u] += lrb * (err - regb * bu[u]);
            bi[i] += lrb * (err - regb * bi[i]);
            for (int f = 0; f < k; f++) {
                double puf = p[pu + f];
                double qif = q[qi + f];
                p[pu + f] += lr * (err * qif - reg * puf);
                q[qi + f] += lr * (err * puf - reg * qif);
            }
        }
    }

    /** Users in a random order, each user's ratings shuffled within the user's block. */
    private static void userByUser(UserItemMatrix m, int[] users, int[] items, double[] ratings,
                                   SplittableRandom random) {
        int numUsers = m.numRows();
        int[] order = new int[numUsers];
        for (int u = 0; u < numUsers; u++) {
            order[u] = u;
        }
        for (int a = numUsers - 1; a > 0; a--) {
            int b = random.nextInt(a + 1);
            int tmp = order[a];
            order[a] = order[b];
            order[b] = tmp;
        }
        int[] us = users.clone();
        int[] is = items.clone();
        double[] rs = ratings.clone();
        int t = 0;
        for (int u : order) {
            int start = t;
            for (int x = m.rowStart(u); x < m.rowEnd(u); x++, t++) {
                users[t] = us[x];
                items[t] = is[x];
                ratings[t] = rs[x];
            }
            shuffle(users, items, ratings, start, t, random);
        }
    }

    /** Fisher-Yates shuffle of positions {@code [from, to)} of the three parallel arrays. */
    private static void shuffle(int[] users, int[] items, double[] ratings, int from, int to,
                                SplittableRandom random) {
        for (int a = to - 1; a > from; a--) {
            int b = from + random.nextInt(a - from + 1);
            int u = users[a];
            users[a] = users[b];
            users[b] = u;
            int i = items[a];
            items[a] = items[b];
            items[b] = i;
            double r = ratings[a];
            ratings[a] = ratings[b];
            ratings[b] = r;
        }
    }
}
