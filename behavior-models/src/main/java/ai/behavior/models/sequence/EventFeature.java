package ai.behavior.models.sequence;

/**
 * Event attributes a sequence model may embed beside the item id (always embedded).
 *
 * <pre>{@code
 * SequenceOptions o = SequenceOptions.transformer().withFeatures(EventFeature.TYPE, EventFeature.GAP);
 * }</pre>
 */
public enum EventFeature {
    /** The event type (view, cart, purchase, ...): one embedding row per {@link ai.behavior.data.EventType}. */
    TYPE,
    /** The time since the previous event in the sequence, bucketed by {@link GapBuckets}. */
    GAP,
    /** The item's category, from the sequences' category vocabulary. */
    CATEGORY
}
