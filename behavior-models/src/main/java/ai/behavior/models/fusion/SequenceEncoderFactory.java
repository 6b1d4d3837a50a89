package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureSpec;
import ai.djl.nn.Block;

import java.util.Objects;
import java.util.function.Function;

/**
 * Makes the sequence encoder of a fused or two-tower model: any DJL {@link Block} that maps the inputs
 * {@code ids (batch, length) int32} and {@code mask (batch, length) float32} (1 = event, 0 = padding, as a
 * {@link ai.behavior.feature.FeatureMatrix} holds them) to one vector per row, {@code (batch, dim())}. The models
 * here call {@link #create} once per network they build (training, then the trained model), so it must return a
 * fresh, uninitialised block each time.
 *
 * <pre>{@code
 * SequenceEncoderFactory mean = SequenceEncoderFactory.meanPool(32);
 * SequenceEncoderFactory gru = SequenceEncoderFactory.of("GRU 64", 64, spec -> new MyGru(spec.vocabularySize(), 64));
 * }</pre>
 */
public interface SequenceEncoderFactory {
    /** A fresh, uninitialised encoder for sequences laid out by {@code spec}. */
    Block create(FeatureSpec.Sequence spec);

    /** Size of each output vector. */
    int dim();

    /** A few words for logs and reports ("mean of 32-d item embeddings"). */
    String describe();

    /** The masked mean of learned {@code dim}-sized embeddings of the sequence ids ({@link MeanPoolEncoder}). */
    static SequenceEncoderFactory meanPool(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        return of("mean of " + dim + "-d embeddings", dim, spec -> new MeanPoolEncoder(spec.vocabularySize(), dim));
    }

    /** A factory from a description, the output size and a function of the sequence spec. */
    static SequenceEncoderFactory of(String description, int dim, Function<FeatureSpec.Sequence, Block> make) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(make, "make");
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        return new SequenceEncoderFactory() {
            @Override
            public Block create(FeatureSpec.Sequence spec) {
                return make.apply(spec);
            }

            @Override
            public int dim() {
                return dim;
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
