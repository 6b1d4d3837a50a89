package ai.behavior.feature;

/**
 * A fitted transform bound to one input frame and one output: reading a row allocates nothing, since every
 * column lookup and vocabulary mapping was done at bind time.
 */
@FunctionalInterface
public interface BoundTransform {
    /** Transforms input row {@code inRow} into output row {@code outRow}. */
    void apply(int inRow, int outRow);
}
