package ai.behavior.recsys;

import ai.behavior.data.EventType;

import java.util.Arrays;
import java.util.Map;

/**
 * How a behaviour log becomes one number per (user, item) pair: which event types count, with what weight,
 * and how repeated events of a pair combine.
 *
 * <pre>{@code
 * UserItemMatrix ratings = UserItemMatrix.of(log, Weighting.ratings());            // last rating wins
 * UserItemMatrix implicit = UserItemMatrix.of(log, Weighting.byType(Map.of(EventType.VIEW, 1f, EventType.PURCHASE, 5f)));
 * }</pre>
 *
 * @param typeWeights  weight per event type, indexed by {@link EventType#ordinal()}; 0 ignores the type
 * @param useValue     multiply each weight by the event's value (ratings) instead of counting the event
 * @param aggregation  how several events of one pair combine
 */
public record Weighting(float[] typeWeights, boolean useValue, Aggregation aggregation) {
    /** How repeated events of one (user, item) pair combine. */
    public enum Aggregation {
        /** Add the weights (counts, implicit confidence). */
        SUM,
        /** Keep the largest weight (strongest signal). */
        MAX,
        /** Keep the latest event's weight (a re-rating replaces the old rating). */
        LAST
    }

    /** Validates and copies the weights. */
    public Weighting {
        if (typeWeights.length != EventType.values().length) {
            throw new IllegalArgumentException("one weight per event type is needed");
        }
        typeWeights = typeWeights.clone();
        for (float w : typeWeights) {
            if (!Float.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weights must be finite and >= 0: " + Arrays.toString(typeWeights));
            }
        }
    }

    /** Explicit ratings: RATING events only, their value, the latest rating of a pair wins. */
    public static Weighting ratings() {
        return byTypeValue(Map.of(EventType.RATING, 1f), Aggregation.LAST);
    }

    /** Every event counts 1 and a pair's events add up (implicit feedback counts). */
    public static Weighting counts() {
        float[] w = new float[EventType.values().length];
        Arrays.fill(w, 1f);
        return new Weighting(w, false, Aggregation.SUM);
    }

    /** Each event counts its type's weight; a pair's weights add up; unlisted types are ignored. */
    public static Weighting byType(Map<EventType, Float> weights) {
        float[] w = new float[EventType.values().length];
        weights.forEach((t, v) -> w[t.ordinal()] = v);
        return new Weighting(w, false, Aggregation.SUM);
    }

    /** Each event counts its value times its type's weight, combined by {@code aggregation}. */
    public static Weighting byTypeValue(Map<EventType, Float> weights, Aggregation aggregation) {
        float[] w = new float[EventType.values().length];
        weights.forEach((t, v) -> w[t.ordinal()] = v);
        return new Weighting(w, true, aggregation);
    }

    /** A copy of the weights, indexed by {@link EventType#ordinal()} (the record stays immutable). */
    @Override
    public float[] typeWeights() {
        return typeWeights.clone();
    }

    /** The weight of event type code {@code typeCode}; 0 when the type does not count. */
    public float typeWeight(int typeCode) {
        return typeWeights[typeCode];
    }

    /** The weight of one event, 0 when its type does not count. */
    public float weight(int typeCode, float value) {
        float w = typeWeights[typeCode];
        return useValue ? w * value : w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weighting other && Arrays.equals(typeWeights, other.typeWeights)
                && useValue == other.useValue && aggregation == other.aggregation;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(typeWeights) * 31 + Boolean.hashCode(useValue) * 7 + aggregation.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Weighting[");
        for (EventType t : EventType.values()) {
            if (typeWeights[t.ordinal()] != 0) {
                s.append(t.label()).append('=').append(typeWeights[t.ordinal()]).append(' ');
            }
        }
        return s.append(useValue ? "x value, " : "").append(aggregation).append(']').toString();
    }
}
