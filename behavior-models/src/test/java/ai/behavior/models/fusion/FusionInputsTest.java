package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.models.train.TrainingOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad inputs fail in Java with the column and row named, before any native call; predictions stay per row. */
class FusionInputsTest {
    private static final SequenceEncoderFactory MEAN = SequenceEncoderFactory.meanPool(4);

    private static String fitError(FeatureMatrix m, double[] y) {
        return assertThrows(IllegalArgumentException.class, () -> Fusion.fit(m, y, null, null, MEAN,
                FusionOptions.defaults())).getMessage();
    }

    @Test
    void nonFiniteDenseValueIsNamed() {
        PlantedSequences d = PlantedSequences.draw(10, 1);
        d.both().denseBlock()[3] = Float.NaN;
        assertEquals("training: dense feature 'x' is NaN at row 3; inputs must be finite",
                fitError(d.both(), d.labels()));
    }

    @Test
    void outOfRangeIndicesAndMasksAreNamed() {
        PlantedSequences d = PlantedSequences.draw(10, 1);
        d.both().categoricalBlock()[2] = 4;
        assertEquals("training: categorical feature 'c' is 4 at row 2; indices must be in [0, 4)",
                fitError(d.both(), d.labels()));
        d = PlantedSequences.draw(10, 1);
        d.both().sequenceIds(0)[8 + 7] = 12;
        assertEquals("training: sequence 'history' has id 12 at row 1, position 7; ids must be in [0, 12)",
                fitError(d.both(), d.labels()));
        d = PlantedSequences.draw(10, 1);
        d.both().sequenceMask(0)[7] = 0.5f;
        assertEquals("training: sequence 'history' has mask 0.5 at row 0, position 7; the mask must be 0 or 1",
                fitError(d.both(), d.labels()));
    }

    @Test
    void labelsSequenceAndValidationAreChecked() {
        PlantedSequences d = PlantedSequences.draw(10, 1);
        double[] y = d.labels().clone();
        y[4] = 2;
        assertEquals("training label 4 is 2.0; labels must be 0 or 1", fitError(d.both(), y));
        assertEquals("the features hold 0 sequence features []; name the one to encode (withSequenceFeature)",
                fitError(d.attributes(), d.labels()));
        assertEquals("cannot train on an empty training set",
                fitError(new FeatureMatrix(PlantedSequences.BOTH, 0), new double[0]));
        double[] ones = new double[10];
        java.util.Arrays.fill(ones, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fusion.fit(d.both(),
                d.labels(), d.both(), ones, MEAN, FusionOptions.defaults()));
        assertEquals("validation labels hold only class 1; AUC is undefined: give validation rows of both classes "
                + "(or none)", e.getMessage());
    }

    @Test
    void predictionsDoNotDependOnTheOtherRowsOfTheBatchAndNoArrayLeaks() {
        PlantedSequences d = PlantedSequences.draw(300, 4);
        try (FusionModel m = Fusion.fit(d.both(), d.labels(), null, null, MEAN, FusionOptions.defaults()
                .withMode(FusionMode.ATTENTION).withTraining(TrainingOptions.defaults().withEpochs(1)))) {
            int live = m.liveArrays();
            double[] all = m.predict(d.both());
            PlantedSequences again = PlantedSequences.draw(300, 4);
            double[] first = new double[1];
            first[0] = all[0];
            FeatureMatrix one = new FeatureMatrix(PlantedSequences.BOTH, 1);
            System.arraycopy(again.both().denseBlock(), 0, one.denseBlock(), 0, 1);
            System.arraycopy(again.both().categoricalBlock(), 0, one.categoricalBlock(), 0, 1);
            System.arraycopy(again.both().sequenceIds(0), 0, one.sequenceIds(0), 0, PlantedSequences.LENGTH);
            System.arraycopy(again.both().sequenceMask(0), 0, one.sequenceMask(0), 0, PlantedSequences.LENGTH);
            assertArrayEquals(first, m.predict(one), 1e-6);
            assertEquals(live, m.liveArrays(), "every batch's arrays are freed");
            assertThrows(IllegalArgumentException.class, () -> m.predict(d.attributes()));
        }
    }
}
