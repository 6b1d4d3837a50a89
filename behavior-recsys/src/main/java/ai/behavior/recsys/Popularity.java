package ai.behavior.recsys;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;

/**
 * The popularity baseline and cold-start fallback: every user gets the same scores, the weighted count of
 * each item's events in the whole log or in a recent window.
 *
 * <pre>{@code
 * Popularity pop = Popularity.fit(train, Popularity.Options.defaults());
 * Popularity lastWeek = Popularity.fit(train, Popularity.Options.defaults().withWindowDays(7));
 * }</pre>
 */
public final class Popularity implements ItemScorer {
    private final IdIndex users;
    private final IdIndex items;
    private final float[] scores;

    private Popularity(IdIndex users, IdIndex items, float[] scores) {
        this.users = users;
        this.items = items;
        this.scores = scores;
    }

    /**
     * Options of the popularity model.
     *
     * @param weighting    how events count (default: every event 1)
     * @param windowMillis only events this recent, counted back from the log's last event; 0 = all (default 0)
     */
    public record Options(Weighting weighting, long windowMillis) {
        /** Validates the options. */
        public Options {
            if (weighting == null) {
                throw new IllegalArgumentException("weighting must not be null");
            }
            if (windowMillis < 0) {
                throw new IllegalArgumentException("windowMillis must be >= 0 (0 = all time), got " + windowMillis);
            }
        }

        /** Every event counts 1, all time. */
        public static Options defaults() {
            return new Options(Weighting.counts(), 0);
        }

        /** A copy with another weighting. */
        public Options withWeighting(Weighting w) {
            return new Options(w, windowMillis);
        }

        /**
         * A copy counting only the last {@code days} days of the log; {@code days} must be positive and finite.
         * A window under a millisecond becomes one millisecond (never 0, which would mean "all time").
         */
        public Options withWindowDays(double days) {
            double millis = days * 86_400_000.0;
            if (!(millis > 0) || millis > Long.MAX_VALUE / 2.0) {
                throw new IllegalArgumentException("window must be positive and finite, got " + days + " days");
            }
            return new Options(weighting, Math.max(1, Math.round(millis)));
        }
    }

    /** Counts events in {@code train}. An empty log is an error: there is nothing to be popular. */
    public static Popularity fit(Interactions train, Options options) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("cannot fit popularity on an empty log");
        }
        long last = train.maxTimestamp();
        long from = options.windowMillis() == 0 ? Long.MIN_VALUE
                : last - options.windowMillis() > last ? Long.MIN_VALUE // saturate instead of wrapping around
                : last - options.windowMillis();
        float[] scores = new float[train.numItems()];
        for (int r = 0; r < train.size(); r++) {
            if (train.timestamp(r) >= from) {
                scores[train.item(r)] += options.weighting().weight(train.typeCode(r), train.value(r));
            }
        }
        return new Popularity(train.users(), train.items(), scores);
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    /** Popularity knows every user: it does not depend on them. */
    @Override
    public boolean knowsUser(int user) {
        return true;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
    }

    @Override
    public float score(int user, int item) {
        return scores[item];
    }

    /** The score of {@code item} (its weighted event count). */
    public float popularity(int item) {
        return scores[item];
    }
}
