package ai.behavior.examples;

import ai.behavior.feature.ColumnType;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.categorical.OneHot;
import ai.behavior.feature.numeric.Log1p;
import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.numeric.Standardize;

/**
 * The churn example's pipeline over user aggregates and attributes: counts, sums and day counts are heavy-tailed,
 * so each numeric column goes through {@code log1p} then standardisation (age is standardised directly); a
 * value the user has none of (no purchase yet: NaN recency and mean spend) is imputed by the training median
 * with a missing-indicator column, since "never bought" is itself a churn signal; categorical attributes are
 * one-hot encoded with an "other" column for labels unseen in training.
 */
final class ChurnFeatures {
    private ChurnFeatures() {
    }

    /** One step per column of {@code users}, named after the column. */
    static Pipeline pipeline(FeatureFrame users) {
        Pipeline.Builder b = Pipeline.builder();
        MissingValues median = MissingValues.median().withIndicator();
        for (String c : users.columnNames()) {
            if (users.type(c) == ColumnType.NUMERIC) {
                b.add(c, c.equals("age") ? Standardize.of(c).missing(median)
                        : Log1p.of(c).clampNegatives().thenStandardize().missing(median));
            } else if (users.type(c) == ColumnType.CATEGORICAL) {
                b.add(c, OneHot.of(c).withOther());
            }
        }
        return b.build();
    }
}
