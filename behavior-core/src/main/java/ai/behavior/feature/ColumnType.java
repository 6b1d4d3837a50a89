package ai.behavior.feature;

/** The kind of raw input a {@link FeatureFrame} column holds. */
public enum ColumnType {
    /** Doubles; NaN marks a missing value, and transforms impute or reject it by a declared policy. */
    NUMERIC,
    /** Codes into the column's vocabulary ({@link ai.behavior.data.IdIndex}); -1 marks a missing value. */
    CATEGORICAL,
    /** Epoch milliseconds; {@link FeatureFrame#MISSING_TIME} marks a missing value. */
    TIMESTAMP,
    /** Free text such as a search query; {@code null} marks a missing value. */
    TEXT,
    /** Per-row sequences of codes into the column's vocabulary (most recent last); never null, may be empty. */
    SEQUENCE
}
