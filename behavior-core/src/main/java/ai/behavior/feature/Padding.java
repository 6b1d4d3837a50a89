package ai.behavior.feature;

/** Where a sequence shorter than its maximum length is padded. */
public enum Padding {
    /** Pad at the start, so the most recent event is always in the last position (what RNNs want). */
    LEFT,
    /** Pad at the end, so the oldest kept event is in position 0. */
    RIGHT
}
