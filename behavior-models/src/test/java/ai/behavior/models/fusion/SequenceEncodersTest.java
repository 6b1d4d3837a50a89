package ai.behavior.models.fusion;

import ai.behavior.feature.Padding;
import ai.behavior.metric.RocAuc;
import ai.behavior.models.sequence.SequenceOptions;
import ai.behavior.models.train.TrainingOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sequence package's GRU and Transformer plug into the fusion as encoders: each learns the planted task
 * (whose sequence part is the share of "good" ids) to within 0.03 of the planted probabilities' AUC, and a
 * sequence padded on the wrong side for the encoder is refused with the fix in the message.
 */
class SequenceEncodersTest {
    private static final TrainingOptions TRAINING = TrainingOptions.defaults().withEpochs(10).withBatchSize(128)
            .withLearningRate(3e-3).withPatience(3);

    private static double auc(SequenceEncoderFactory encoder, Padding side) {
        PlantedSequences train = PlantedSequences.draw(4_000, 1, side);
        PlantedSequences valid = PlantedSequences.draw(1_000, 2, side);
        PlantedSequences test = PlantedSequences.draw(2_000, 3, side);
        try (FusionModel m = Fusion.fit(train.both(), train.labels(), valid.both(), valid.labels(), encoder,
                FusionOptions.defaults().withMode(FusionMode.ATTENTION).withDim(8).withHidden(16).withDropout(0)
                        .withTraining(TRAINING))) {
            double auc = RocAuc.of(test.truthInts(), m.predict(test.both()));
            double planted = RocAuc.of(test.truthInts(), test.truth());
            System.out.printf("%s: AUC %.4f, planted %.4f%n", encoder.describe(), auc, planted);
            assertTrue(auc > planted - 0.03, encoder.describe() + " AUC " + auc + " vs planted " + planted);
            return auc;
        }
    }

    @Test
    void gruReadsRightPaddedSequences() {
        SequenceEncoderFactory gru = SequenceEncoders.of(SequenceOptions.gru().withDim(8).withDropout(0));
        assertEquals(8, gru.dim());
        assertEquals("gru (dim 8, 1 layer, dropout 0.00)", gru.describe());
        auc(gru, Padding.RIGHT);
    }

    @Test
    void transformerReadsLeftPaddedSequences() {
        auc(SequenceEncoders.of(SequenceOptions.transformer().withDim(8).withLayers(1).withHeads(2).withFfn(16)
                .withDropout(0)), Padding.LEFT);
    }

    @Test
    void theWrongPaddingIsRefused() {
        PlantedSequences left = PlantedSequences.draw(50, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fusion.fit(left.both(),
                left.labels(), null, null, SequenceEncoders.of(SequenceOptions.gru().withDim(4)),
                FusionOptions.defaults()));
        assertEquals("the GRU encoder reads RIGHT-padded sequences but 'history' is LEFT-padded; encode it with "
                + "SequenceEncoder...padding(Padding.RIGHT)", e.getMessage());
    }
}
