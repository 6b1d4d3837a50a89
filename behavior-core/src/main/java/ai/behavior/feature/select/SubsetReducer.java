package ai.behavior.feature.select;

import ai.behavior.feature.FittedReducer;

import java.util.List;

/** A fitted selector that keeps a subset of the dense columns: shape and apply come from its {@link ColumnSubset}. */
interface SubsetReducer extends FittedReducer {
    /** The kept columns. */
    ColumnSubset columns();

    @Override
    default int inputWidth() {
        return columns().inputWidth();
    }

    @Override
    default List<String> outputNames() {
        return columns().outputNames();
    }

    @Override
    default void apply(float[] in, int inOff, float[] out, int outOff) {
        columns().apply(in, inOff, out, outOff);
    }
}
