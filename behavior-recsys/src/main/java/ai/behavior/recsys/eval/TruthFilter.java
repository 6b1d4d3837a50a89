package ai.behavior.recsys.eval;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which held-out events make an item relevant to a user in {@link TopNEvaluator}: every test event (the
 * default), only values at or above a threshold (ratings {@code >= 4} as "liked"), only some event types
 * (purchases), or any test of the row. Test events that fail the filter do not make their item relevant,
 * but the user did interact with it, so it is never drawn as a sampled negative.
 *
 * <pre>{@code
 * TopNEvaluator.Options o = TopNEvaluator.Options.defaults().withTruth(TruthFilter.minValue(4));
 * TruthFilter bought = TruthFilter.ofTypes(EventType.PURCHASE);
 * }</pre>
 */
public sealed interface TruthFilter
        permits TruthFilter.All, TruthFilter.MinValue, TruthFilter.OfTypes, TruthFilter.Custom {

    /** Every test event counts. */
    static TruthFilter all() {
        return new All();
    }

    /** Only test events whose value is at least {@code min} count. */
    static TruthFilter minValue(float min) {
        return new MinValue(min);
    }

    /** Only test events of these types count. */
    static TruthFilter ofTypes(EventType... types) {
        return new OfTypes(types.length == 0 ? Set.of() : EnumSet.of(types[0], types));
    }

    /** Test row {@code row} counts when {@code keep} is true; {@code description} is printed with results. */
    static TruthFilter custom(String description, IntPredicate keep) {
        return new Custom(description, keep);
    }

    /** Whether row {@code row} of {@code test} makes its item relevant to its user. */
    boolean keep(Interactions test, int row);

    /** One phrase for reports, e.g. {@code "value >= 4.0"}. */
    String describe();

    /** Every test event counts. */
    record All() implements TruthFilter {
        @Override
        public boolean keep(Interactions test, int row) {
            return true;
        }

        @Override
        public String describe() {
            return "every test event";
        }
    }

    /**
     * Test events with a value of at least {@code min}.
     *
     * @param min the smallest value that counts (finite)
     */
    record MinValue(float min) implements TruthFilter {
        /** Validates {@code min}. */
        public MinValue {
            if (!Float.isFinite(min)) {
                throw new IllegalArgumentException("the truth threshold must be finite, got " + min);
            }
        }

        @Override
        public boolean keep(Interactions test, int row) {
            return test.value(row) >= min;
        }

        @Override
        public String describe() {
            return "test events with value >= " + min;
        }
    }

    /**
     * Test events of the given types.
     *
     * @param types the event types that count, not empty
     */
    record OfTypes(Set<EventType> types) implements TruthFilter {
        /** Validates and copies the set. */
        public OfTypes {
            if (types == null || types.isEmpty()) {
                throw new IllegalArgumentException("at least one event type must count as truth");
            }
            types = Set.copyOf(types);
        }

        @Override
        public boolean keep(Interactions test, int row) {
            return types.contains(test.type(row));
        }

        @Override
        public String describe() {
            return "test events of type " + types.stream().map(EventType::label).sorted().toList();
        }
    }

    /**
     * Any test of the test row index.
     *
     * @param description printed with the results
     * @param keep        true for a test row that counts
     */
    record Custom(String description, IntPredicate keep) implements TruthFilter {
        /** Validates the fields. */
        public Custom {
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("a custom truth filter needs a description");
            }
            Objects.requireNonNull(keep, "keep");
        }

        @Override
        public boolean keep(Interactions test, int row) {
            return keep.test(row);
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
