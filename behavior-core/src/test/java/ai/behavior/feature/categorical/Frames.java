package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureFrame;

/** Small frames for the encoder tests: one categorical column "c" from labels (null = missing). */
final class Frames {
    private Frames() {
    }

    static FeatureFrame labels(String... labels) {
        return FeatureFrame.builder(labels.length).categorical("c", labels).build();
    }
}
