package ai.behavior.models.fusion;

import ai.behavior.metric.RocAuc;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each fusion mode trains on {@link PlantedSequences}, whose label needs both the sequence and the attributes:
 * its held-out AUC must be clearly above the best model that sees only one of them (an MLP on the attributes, a
 * fused model whose attributes are a constant) and close to the AUC of the planted probabilities.
 */
class FusionTrainingTest {
    private static PlantedSequences train;
    private static PlantedSequences valid;
    private static PlantedSequences test;
    private static double oneSideOnly;
    private static double planted;

    private static TrainingOptions training() {
        return TrainingOptions.defaults().withEpochs(12).withBatchSize(128).withLearningRate(3e-3).withPatience(4);
    }

    @BeforeAll
    static void baselines() {
        train = PlantedSequences.draw(5_000, 1);
        valid = PlantedSequences.draw(1_500, 2);
        test = PlantedSequences.draw(3_000, 3);
        planted = RocAuc.of(test.truthInts(), test.truth());
        double attributesOnly;
        try (MlpModel m = Mlp.fit(train.attributes(), train.labels(), valid.attributes(), valid.labels(),
                MlpOptions.binary().withHidden(16).withTraining(training()), null)) {
            attributesOnly = RocAuc.of(test.truthInts(), m.predict(test.attributes()));
        }
        double sequenceOnly;
        try (FusionModel m = Fusion.fit(train.sequence(), train.labels(), valid.sequence(), valid.labels(),
                SequenceEncoderFactory.meanPool(8), options(FusionMode.CONCAT))) {
            sequenceOnly = RocAuc.of(test.truthInts(), m.predict(test.sequence()));
        }
        oneSideOnly = Math.max(attributesOnly, sequenceOnly);
        System.out.printf("planted AUC %.4f, attributes only %.4f, sequence only %.4f%n", planted, attributesOnly,
                sequenceOnly);
    }

    private static FusionOptions options(FusionMode mode) {
        return FusionOptions.defaults().withMode(mode).withDim(8).withHidden(16).withDropout(0)
                .withTraining(training());
    }

    private static double trainAndScore(FusionOptions options) {
        try (FusionModel m = Fusion.fit(train.both(), train.labels(), valid.both(), valid.labels(),
                SequenceEncoderFactory.meanPool(8), options)) {
            double[] p = m.predict(test.both());
            assertEquals(test.labels().length, p.length);
            for (double v : p) {
                assertTrue(v > 0 && v < 1, "probability " + v);
            }
            double auc = RocAuc.of(test.truthInts(), p);
            System.out.printf("%s: test AUC %.4f (kept epoch %d)%n", options.describe(), auc,
                    m.training().orElseThrow().bestEpoch());
            return auc;
        }
    }

    private static void check(double auc) {
        assertTrue(auc > oneSideOnly + 0.04, "AUC " + auc + " vs " + oneSideOnly + " for one side only");
        assertTrue(auc > planted - 0.02, "AUC " + auc + " vs planted " + planted);
    }

    @Test
    void concatenationLearnsFromBothSides() {
        check(trainAndScore(options(FusionMode.CONCAT)));
    }

    @Test
    void weightedSumWithAScalarGateLearnsFromBothSides() {
        check(trainAndScore(options(FusionMode.WEIGHTED_SUM)));
    }

    @Test
    void weightedSumWithAVectorGateLearnsFromBothSides() {
        check(trainAndScore(options(FusionMode.WEIGHTED_SUM).withGate(FusionGate.VECTOR)));
    }

    @Test
    void attentionLearnsFromBothSides() {
        check(trainAndScore(options(FusionMode.ATTENTION)));
    }
}
