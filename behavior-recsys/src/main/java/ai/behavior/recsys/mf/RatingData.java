package ai.behavior.recsys.mf;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;

import java.util.Arrays;

/**
 * The explicit ratings of a log as the trainers use them: {@link EventType#RATING} events only, one rating
 * per (user, item) pair (the latest wins), in a users x items {@link UserItemMatrix}, with per-user and
 * per-item counts, the mean and the observed range.
 */
final class RatingData {
    final UserItemMatrix byUser;
    final int[] userCount;
    final int[] itemCount;
    final double mean;
    final double min;
    final double max;

    private RatingData(UserItemMatrix byUser) {
        this.byUser = byUser;
        this.userCount = new int[byUser.numRows()];
        this.itemCount = new int[byUser.numCols()];
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < byUser.numRows(); u++) {
            userCount[u] = byUser.rowLength(u);
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                itemCount[byUser.col(p)]++;
                double r = byUser.value(p);
                sum += r;
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
        }
        this.mean = byUser.nnz() == 0 ? Double.NaN : sum / byUser.nnz();
        this.min = lo;
        this.max = hi;
    }

    /**
     * The training ratings of {@code log}, checked against {@code scale} when it is not null.
     *
     * @throws IllegalArgumentException if {@code log} holds no rating, or a rating lies outside {@code scale}
     */
    static RatingData training(Interactions log, RatingRange scale) {
        checkScale(log, scale, "training");
        RatingData d = new RatingData(UserItemMatrix.of(log, Weighting.ratings()));
        if (d.size() == 0) {
            throw new IllegalArgumentException("no ratings to train on: the training log has " + log.size()
                    + " events and none is a " + EventType.RATING.label() + " event");
        }
        return d;
    }

    /**
     * The validation ratings of {@code log}, which must share {@code train}'s user and item ids.
     *
     * @throws IllegalArgumentException if the id indices differ, {@code log} holds no rating, or a rating lies
     *                                  outside {@code scale}
     */
    static RatingData validation(Interactions log, Interactions train, RatingRange scale) {
        boolean sameIds = (log.users() == train.users() || Arrays.equals(log.users().ids(), train.users().ids()))
                && (log.items() == train.items() || Arrays.equals(log.items().ids(), train.items().ids()));
        if (!sameIds) {
            throw new IllegalArgumentException("the validation log must share the training log's user and item "
                    + "indices (take both from one split)");
        }
        checkScale(log, scale, "validation");
        RatingData d = new RatingData(UserItemMatrix.of(log, Weighting.ratings()));
        if (d.size() == 0) {
            throw new IllegalArgumentException("the validation log holds no " + EventType.RATING.label() + " event");
        }
        return d;
    }

    /**
     * The range predictions are clipped to under {@code options}: its {@link MfOptions#clip()}, else its
     * declared {@link MfOptions#ratingScale()}, else the lowest and highest rating here.
     */
    RatingRange clipRange(MfOptions options) {
        if (options.clip() != null) {
            return options.clip();
        }
        return options.ratingScale() != null ? options.ratingScale() : new RatingRange(min, max);
    }

    /** Number of (user, item) ratings. */
    int size() {
        return byUser.nnz();
    }

    private static void checkScale(Interactions log, RatingRange scale, String what) {
        if (scale == null) {
            return;
        }
        int rating = EventType.RATING.ordinal();
        for (int r = 0; r < log.size(); r++) {
            if (log.typeCode(r) == rating && !scale.contains(log.value(r))) {
                throw new IllegalArgumentException(what + " rating " + log.value(r) + " of user '"
                        + log.users().id(log.user(r)) + "' for item '" + log.items().id(log.item(r))
                        + "' is outside the declared rating scale " + scale);
            }
        }
    }
}
