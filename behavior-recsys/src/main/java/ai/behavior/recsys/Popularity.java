package ai.behavior.recsys;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The popularity baseline and cold-start fallback: every user gets the same scores, the weighted count of
 * each item's events in the whole log or in a recent window.
 *
 * <pre>{@code
 * Popularity pop = Popularity.fit(train, Popularity.Options.defaults());
 * Popularity lastWeek = Popularity.fit(train, Popularity.Options.defaults().withWindowDays(7));
 * }</pre>
 *
 * <p>Saved as a model folder of type {@value #MODEL_TYPE} (version 1): id lists {@code users} and
 * {@code items}, the float vector {@code scores} (items x 1), the options (weighting and window) and the
 * time of the log's last event in the manifest.
 */
public final class Popularity implements ItemScorer {
    /** The model type in a saved folder's manifest. */
    public static final String MODEL_TYPE = "popularity";
    /** 2: version 1 was an earlier, differently laid-out popularity folder of the command-line tool. */
    static final int VERSION = 2;

    private final IdIndex users;
    private final IdIndex items;
    private final float[] scores;
    private final Options options;
    private final long lastEventMillis;

    private Popularity(IdIndex users, IdIndex items, float[] scores, Options options, long lastEventMillis) {
        this.users = users;
        this.items = items;
        this.scores = scores;
        this.options = options;
        this.lastEventMillis = lastEventMillis;
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
        long from = windowStart(last, options.windowMillis());
        float[] scores = new float[train.numItems()];
        for (int r = 0; r < train.size(); r++) {
            if (train.timestamp(r) >= from) {
                scores[train.item(r)] += options.weighting().weight(train.typeCode(r), train.value(r));
            }
        }
        return new Popularity(train.users(), train.items(), scores, options, last);
    }

    /**
     * What a saved folder's manifest holds besides the files.
     *
     * @param weighting       how events counted
     * @param windowMillis    the recent window (0 = all time)
     * @param lastEventMillis the time of the training log's last event, where the window ends
     */
    private record Stored(Weighting weighting, long windowMillis, long lastEventMillis) {
    }

    /** Saves the scores, both id indexes and the options to {@code dir} (replacing an older model there). */
    public void save(Path dir) throws IOException {
        ModelWriter.create(dir, MODEL_TYPE, VERSION)
                .options(new Stored(options.weighting(), options.windowMillis(), lastEventMillis))
                .provenance("counted", options.windowMillis() == 0 ? "all events up to " + Instant.ofEpochMilli(
                        lastEventMillis) : "events from " + Instant.ofEpochMilli(windowStart(lastEventMillis,
                        options.windowMillis())) + " to " + Instant.ofEpochMilli(lastEventMillis))
                .ids("users", users)
                .ids("items", items)
                .floats("scores", scores, scores.length, 1)
                .commit();
    }

    /**
     * Loads a folder written by {@link #save}.
     *
     * @throws ModelFileException if the folder is missing, corrupted, of another model type, or inconsistent
     */
    public static Popularity load(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, MODEL_TYPE, VERSION);
        if (r.typeVersion() < VERSION) {
            throw new ModelFileException(dir + " holds '" + MODEL_TYPE + "' version " + r.typeVersion() + ", an earlier "
                    + "layout (the command-line tool's before 0.1.0); train and save it again");
        }
        Stored s = r.options(Stored.class);
        Options options;
        try {
            if (s == null) {
                throw new IllegalArgumentException("no options");
            }
            options = new Options(s.weighting(), s.windowMillis());
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": invalid popularity options in the manifest: " + e.getMessage());
        }
        IdIndex users = r.ids("users");
        IdIndex items = r.ids("items");
        ModelReader.FloatMatrix m = r.floats("scores");
        if (m.rows() != items.size() || m.cols() != 1) {
            throw new ModelFileException(dir + ": file 'scores' is " + m.rows() + " x " + m.cols() + ", expected "
                    + items.size() + " x 1 (one score per item)");
        }
        for (int i = 0; i < m.data().length; i++) {
            if (!Float.isFinite(m.data()[i]) || m.data()[i] < 0) {
                throw new ModelFileException(dir + ": file 'scores' holds " + m.data()[i] + " for item '" + items.id(i)
                        + "'; scores are finite and >= 0");
            }
        }
        return new Popularity(users, items, m.data(), options, s.lastEventMillis());
    }

    /** The same scores over equal id indexes (shared rather than duplicated when a bundle loads). */
    Popularity withIds(IdIndex users, IdIndex items) {
        if (!users.sameIdsAs(this.users) || !items.sameIdsAs(this.items)) {
            throw new IllegalArgumentException("the id indexes differ from the popularity model's");
        }
        return new Popularity(users, items, scores, options, lastEventMillis);
    }

    /** The first counted timestamp: everything for {@code window == 0}, saturating instead of wrapping around. */
    private static long windowStart(long last, long window) {
        return window == 0 || last - window > last ? Long.MIN_VALUE : last - window;
    }

    /** The options it was fitted with. */
    public Options options() {
        return options;
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
