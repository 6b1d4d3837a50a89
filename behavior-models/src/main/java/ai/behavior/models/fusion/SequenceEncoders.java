package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.sequence.EncoderKind;
import ai.behavior.models.sequence.SequenceArchitecture;
import ai.behavior.models.sequence.SequenceNetwork;
import ai.behavior.models.sequence.SequenceOptions;
import ai.behavior.models.sequence.SequenceTask;
import com.google.gson.JsonObject;

import java.util.Locale;

/**
 * The sequence package's encoders (GRU4Rec-style recurrent, SASRec-style Transformer) as
 * {@link SequenceEncoderFactory}s: the ids are embedded and encoded by a
 * {@link SequenceNetwork}, and the state after the last real event is the sequence's vector.
 *
 * <pre>{@code
 * SequenceEncoderFactory gru = SequenceEncoders.of(SequenceOptions.gru().withDim(32));
 * SequenceEncoderFactory sasrec = SequenceEncoders.of(SequenceOptions.transformer().withDim(32).withLayers(1));
 * }</pre>
 *
 * <p>Padding must match the encoder: recurrent encoders read RIGHT-padded sequences, the Transformer LEFT-padded
 * ones (encode the column with {@code SequenceEncoder.of(column, n).padding(...)}); a mismatch is a clear error.
 * Only the ids are embedded (no event-type, gap or category attributes): the options' features are ignored, and
 * their {@code maxLength} is replaced by the sequence feature's.
 */
public final class SequenceEncoders {
    private SequenceEncoders() {
    }

    /** The encoder {@code options} describe (encoder kind, dim, layers, heads, feed-forward width, dropout). */
    public static SequenceEncoderFactory of(SequenceOptions options) {
        SequenceOptions o = options.withFeatures();
        String description = String.format(Locale.ROOT, "%s (dim %d, %d layer%s%s, dropout %.2f)",
                o.encoder().name().toLowerCase(Locale.ROOT), o.dim(), o.layers(), o.layers() == 1 ? "" : "s",
                o.encoder() == EncoderKind.TRANSFORMER ? ", " + o.heads() + " heads" : "", o.dropout());
        JsonObject saved = new JsonObject();
        saved.addProperty("kind", "sequence");
        saved.add("options", o.toJson());
        return new SpecifiedEncoder(description, o.dim(), saved, spec -> {
            SequenceArchitecture a = SequenceArchitecture.of(SequenceTask.NEXT_ITEM, o.withMaxLength(spec.maxLength()),
                    spec.vocabularySize() - FeatureSpec.UNKNOWN_IN_SEQUENCE - 1, 0);
            if (spec.padding() != a.padding()) {
                throw new IllegalArgumentException("the " + o.encoder() + " encoder reads " + a.padding()
                        + "-padded sequences but '" + spec.name() + "' is " + spec.padding() + "-padded; encode it "
                        + "with SequenceEncoder...padding(Padding." + a.padding() + ")");
            }
            return new OutputOf(new SequenceNetwork(a), 1, o.dim());
        });
    }
}
