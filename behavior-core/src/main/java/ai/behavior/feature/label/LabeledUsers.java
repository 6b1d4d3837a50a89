package ai.behavior.feature.label;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Users with a binary label each (1 or 0), for example the keys of a {@code UserAggregates} frame with
 * {@link PurchaseWithin} labels, and a stratified train / test split of them.
 *
 * <pre>{@code
 * LabeledUsers all = new LabeledUsers(x.keys(), PurchaseWithin.of(log, x.keys(), cutoff, Duration.ofDays(7)));
 * LabeledUsers.Split s = all.split(0.2, 7); FeatureFrame train = x.select(s.train().rowsIn(x));
 * }</pre>
 *
 * @param users  the users, in label order
 * @param labels 1 or 0 per user (a copy is kept and handed out)
 */
public record LabeledUsers(IdIndex users, double[] labels) {
    /**
     * Checks that there is one label per user and that each is 0 or 1.
     *
     * @throws IllegalArgumentException naming the user and value of a bad label
     */
    public LabeledUsers {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != users.size()) {
            throw new IllegalArgumentException(users.size() + " users but " + labels.length + " labels");
        }
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != 0 && labels[k] != 1) {
                throw new IllegalArgumentException("user '" + users.id(k) + "' (position " + k + ") has label "
                        + labels[k] + "; labels must be 0 or 1");
            }
        }
        labels = labels.clone();
    }

    /** The labels (a copy), aligned with {@link #users()}. */
    @Override
    public double[] labels() {
        return labels.clone();
    }

    /**
     * The labels as 0/1 ints, aligned with {@link #users()}: the form the metrics take ({@code RocAuc.of(truth,
     * scores)}).
     *
     * <pre>{@code
     * double auc = RocAuc.of(labels.intLabels(), scores);
     * }</pre>
     */
    public int[] intLabels() {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = (int) labels[i];
        }
        return out;
    }

    /** Number of users. */
    public int size() {
        return labels.length;
    }

    /** Number of users labelled 1. */
    public int positives() {
        int n = 0;
        for (double y : labels) {
            n += (int) y;
        }
        return n;
    }

    /** Share of users labelled 1. */
    public double positiveRate() {
        return labels.length == 0 ? 0 : (double) positives() / labels.length;
    }

    /**
     * The row of each user in {@code frame} (matched on its row keys), in user order, for
     * {@code frame.select(rowsIn(frame))}.
     *
     * @throws IllegalArgumentException if the frame has no keys or lacks a user
     */
    public int[] rowsIn(FeatureFrame frame) {
        if (frame.keys() == null) {
            throw new IllegalArgumentException("the frame has no row keys to match users on");
        }
        int[] rows = new int[labels.length];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = frame.keys().indexOf(users.id(k));
            if (rows[k] < 0) {
                throw new IllegalArgumentException("user '" + users.id(k) + "' has no row in the frame");
            }
        }
        return rows;
    }

    /**
     * A random split stratified by label: within the 1s and within the 0s, {@code round(testShare * count)}
     * users go to test, the rest to train, so both parts keep the positive rate. Each part lists its users in
     * this object's order. The same seed gives the same split.
     *
     * @throws IllegalArgumentException if {@code testShare} is not in (0, 1) or either part would be empty
     */
    public Split split(double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1), got " + testShare);
        }
        boolean[] test = new boolean[labels.length];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int label = 0; label <= 1; label++) {
            int[] members = new int[labels.length];
            int m = 0;
            for (int k = 0; k < labels.length; k++) {
                if (labels[k] == label) {
                    members[m++] = k;
                }
            }
            for (int i = m - 1; i > 0; i--) { // Fisher-Yates
                int j = rng.nextInt(i + 1);
                int swap = members[i];
                members[i] = members[j];
                members[j] = swap;
            }
            long take = Math.round(testShare * m);
            for (int i = 0; i < take; i++) {
                test[members[i]] = true;
            }
        }
        LabeledUsers trainPart = part(test, false);
        LabeledUsers testPart = part(test, true);
        if (trainPart.size() == 0 || testPart.size() == 0) {
            throw new IllegalArgumentException("a test share of " + testShare + " of " + labels.length
                    + " users leaves " + (trainPart.size() == 0 ? "train" : "test") + " empty");
        }
        return new Split(trainPart, testPart);
    }

    private LabeledUsers part(boolean[] test, boolean wanted) {
        IdIndex.Builder ids = IdIndex.builder();
        double[] y = new double[labels.length];
        int n = 0;
        for (int k = 0; k < labels.length; k++) {
            if (test[k] == wanted) {
                ids.intern(users.id(k));
                y[n++] = labels[k];
            }
        }
        return new LabeledUsers(ids.build(), Arrays.copyOf(y, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledUsers other && users.sameIdsAs(other.users) && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(users.ids()) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabeledUsers[users=" + labels.length + ", positives=" + positives() + "]";
    }

    /**
     * A train / test split of labelled users.
     *
     * @param train the training users
     * @param test  the held-out users
     */
    public record Split(LabeledUsers train, LabeledUsers test) {
    }
}
