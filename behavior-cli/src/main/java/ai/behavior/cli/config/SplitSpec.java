package ai.behavior.cli.config;

import ai.behavior.eval.Ordering;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.Split;
import ai.behavior.split.TemporalQuantileSplit;

import java.util.Locale;
import java.util.Objects;

/**
 * A split as the command line and the training configuration declare it: the method, its ratios (random and
 * temporal), whether a random split is stratified per user, the seed, and the events left out per user
 * (leave-last-out).
 *
 * <pre>{@code
 * SplitSpec s = SplitSpec.of(SplitSpec.Method.TEMPORAL, SplitSpec.parseRatios("0.8,0.2"), false, 42, 1, 0);
 * SplitResult parts = s.toSplit().apply(log);
 * }</pre>
 *
 * @param method         random, temporal or leave-last-out
 * @param ratios         train / validation / test fractions; {@code null} for leave-last-out
 * @param perUser        random only: split each user's events by the ratios instead of all events at once
 * @param seed           random only: the shuffle's seed
 * @param last           leave-last-out only: each user's last events that test ({@code >= 1})
 * @param validationLast leave-last-out only: the events just before those that validate ({@code >= 0})
 */
public record SplitSpec(Method method, Ratios ratios, boolean perUser, long seed, int last, int validationLast) {

    /** The split methods. */
    public enum Method {
        /** {@link RandomSplit}: a seeded shuffle, of all events or per user. */
        RANDOM("random"),
        /** {@link TemporalQuantileSplit} by events: the newest events test. */
        TEMPORAL("temporal"),
        /** {@link LeaveLastOut}: each user's last events test. */
        LEAVE_LAST_OUT("leave-last-out");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** The name on the command line, e.g. {@code "leave-last-out"}. */
        public String label() {
            return label;
        }

        /**
         * The method named {@code text}.
         *
         * @throws IllegalArgumentException naming the accepted names
         */
        public static Method parse(String text) {
            for (Method m : values()) {
                if (m.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("expected random, temporal or leave-last-out, got '" + text + "'");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Checks that the fields fit the method. */
    public SplitSpec {
        Objects.requireNonNull(method, "method");
        if (method == Method.LEAVE_LAST_OUT) {
            if (ratios != null) {
                throw new IllegalArgumentException("leave-last-out takes no ratios: it holds out each user's last "
                        + "events (set last and validationLast instead)");
            }
            if (last < 1) {
                throw new IllegalArgumentException("last must be >= 1, got " + last);
            }
            if (validationLast < 0) {
                throw new IllegalArgumentException("validationLast must be >= 0, got " + validationLast);
            }
        } else if (ratios == null) {
            throw new IllegalArgumentException(method + " needs ratios, e.g. 0.8,0.2 or 0.8,0.1,0.1");
        }
        if (perUser && method != Method.RANDOM) {
            throw new IllegalArgumentException("per-user applies to the random split only, not " + method);
        }
    }

    /** A spec; see the record components. */
    public static SplitSpec of(Method method, Ratios ratios, boolean perUser, long seed, int last, int validationLast) {
        return new SplitSpec(method, ratios, perUser, seed, last, validationLast);
    }

    /**
     * Parses {@code "0.8,0.2"} (train, test) or {@code "0.8,0.1,0.1"} (train, validation, test).
     *
     * @throws IllegalArgumentException saying the expected form, or why the fractions are not valid ratios
     */
    public static Ratios parseRatios(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2 && parts.length != 3) {
            throw new IllegalArgumentException("expected 2 or 3 comma-separated fractions like 0.8,0.2 or "
                    + "0.8,0.1,0.1, got '" + text + "'");
        }
        double[] f = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                f[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected fractions like 0.8,0.2 or 0.8,0.1,0.1, but '"
                        + parts[i].strip() + "' in '" + text + "' is not a number");
            }
        }
        return ratios(f);
    }

    /** Ratios from two (train, test) or three (train, validation, test) fractions. */
    public static Ratios ratios(double[] f) {
        if (f.length == 2) {
            return Ratios.trainTest(f[0], f[1]);
        }
        if (f.length == 3) {
            return Ratios.of(f[0], f[1], f[2]);
        }
        throw new IllegalArgumentException("expected 2 or 3 fractions, got " + f.length);
    }

    /** The SDK split this spec describes. */
    public Split toSplit() {
        if (method == Method.RANDOM) {
            return new RandomSplit(ratios, perUser ? RandomSplit.Scope.PER_USER : RandomSplit.Scope.GLOBAL, seed);
        }
        if (method == Method.TEMPORAL) {
            return new TemporalQuantileSplit(ratios, TemporalQuantileSplit.Basis.EVENTS);
        }
        return LeaveLastOut.of(last).withValidation(validationLast);
    }

    /** How the split orders events: by time for temporal and leave-last-out, at random otherwise. */
    public Ordering ordering() {
        return method == Method.RANDOM ? Ordering.RANDOM : Ordering.TEMPORAL;
    }
}
