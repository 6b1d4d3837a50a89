package ai.behavior.feature.task;

import ai.behavior.feature.ColumnType;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.categorical.IndexEncoder;
import ai.behavior.feature.categorical.OneHot;
import ai.behavior.feature.numeric.Log1p;
import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.numeric.Standardize;

/**
 * The standard pipeline for a per-user frame (behaviour aggregates plus user attributes), for any user-level task:
 * purchase ({@link UserPurchaseTask#defaultPipeline()}), churn, segmentation.
 *
 * <pre>{@code
 * Pipeline.Fit fit = UserPipelines.standard(users).fitTransform(users.select(trainRows), labels);
 * }</pre>
 *
 * <p>Every numeric column through {@code log1p} then standardisation (counts and sums are heavy-tailed; negatives
 * clamp to 0), missing values imputed by the median with an indicator (a missing recency, "never bought", is a
 * signal in itself); {@code age} standardised directly; categorical columns one-hot encoded (with an "other"
 * column) up to {@value #ONE_HOT_LIMIT} labels, index-encoded above. One step per column, named after it.
 */
public final class UserPipelines {
    /** Categorical columns with more labels than this are index-encoded rather than one-hot encoded. */
    public static final int ONE_HOT_LIMIT = 32;

    private UserPipelines() {
    }

    /** The standard pipeline for the columns of {@code users}. */
    public static Pipeline standard(FeatureFrame users) {
        Pipeline.Builder b = Pipeline.builder();
        MissingValues median = MissingValues.median().withIndicator();
        for (String c : users.columnNames()) {
            if (users.type(c) == ColumnType.NUMERIC) {
                b.add(c, c.equals("age") ? Standardize.of(c).missing(median)
                        : Log1p.of(c).clampNegatives().thenStandardize().missing(median));
            } else if (users.type(c) == ColumnType.CATEGORICAL) {
                b.add(c, users.vocabulary(c).size() <= ONE_HOT_LIMIT ? OneHot.of(c).withOther() : IndexEncoder.of(c));
            }
        }
        return b.build();
    }
}
