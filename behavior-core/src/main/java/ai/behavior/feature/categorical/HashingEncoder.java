package ai.behavior.feature.categorical;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;
import ai.behavior.modelfile.ModelFileException;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The hashing trick for categorical columns with huge or open vocabularies: one categorical output with index
 * {@code 1 + StableHash.bucket(StableHash.murmur3(label, seed), buckets)}, that is MurmurHash3 x86_32 of the
 * label's UTF-8 bytes, low 31 bits modulo {@code buckets}, plus one. Index {@value FeatureSpec#UNKNOWN} is
 * reserved for missing values (counted as unknown); an unseen label still gets a bucket, so nothing is ever
 * unknown for lack of a vocabulary, at the price of collisions. Nothing is learned from the data, so the
 * same label gets the same index in every pipeline with the same buckets and seed, and in other tools.
 * Each label of a frame's vocabulary is hashed once at bind time; rows cost one array read.
 *
 * <pre>{@code
 * Pipeline.builder().add("query", HashingEncoder.of("query", 1 << 18)).build();
 * }</pre>
 *
 * @param column  the categorical input column
 * @param buckets the number of hash buckets ({@code >= 1}); the output cardinality is {@code buckets + 1}
 * @param seed    the MurmurHash3 seed (default 0)
 */
public record HashingEncoder(String column, int buckets, int seed) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "hashing-encoder";

    /** Checks the options. */
    public HashingEncoder {
        IndexEncoder.checkOptions(column, 1, Integer.MAX_VALUE);
        if (buckets < 1 || buckets == Integer.MAX_VALUE) {
            throw new IllegalArgumentException(column + ": buckets must be in [1, " + (Integer.MAX_VALUE - 1)
                    + "], got " + buckets);
        }
    }

    /** Hashes {@code column} into {@code buckets} buckets with seed 0. */
    public static HashingEncoder of(String column, int buckets) {
        return new HashingEncoder(column, buckets, 0);
    }

    /** The same with another hash seed. */
    public HashingEncoder seed(int newSeed) {
        return new HashingEncoder(column, buckets, newSeed);
    }

    /** The output index of {@code label} (never {@value FeatureSpec#UNKNOWN}). */
    public int index(String label) {
        return 1 + StableHash.bucket(StableHash.murmur3(label, seed), buckets);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    /** Checks that the training column exists, is categorical and is not empty; there is nothing to learn. */
    @Override
    public Fitted fit(FeatureFrame train, FitContext context) {
        LabelCounts.of(train, column);
        return new Fitted(this);
    }

    static Transform load(StepReader in) throws IOException {
        try {
            return new Fitted(new HashingEncoder(in.stringParam("column"), in.intParam("buckets"),
                    in.intParam("seed")));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("pipeline step '" + in.step() + "': " + e.getMessage());
        }
    }

    /** The fitted hashing encoder: its options, since hashing learns nothing. */
    public static final class Fitted implements Transform {
        private final HashingEncoder spec;

        Fitted(HashingEncoder spec) {
            this.spec = spec;
        }

        /** The options this encoder hashes with. */
        public HashingEncoder spec() {
            return spec;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> inputs() {
            return List.of(spec.column());
        }

        @Override
        public List<FeatureSpec> outputs() {
            return List.of(new FeatureSpec.Categorical("", spec.buckets() + 1));
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            IdIndex vocabulary = in.vocabulary(spec.column());
            int[] bucketByCode = new int[vocabulary.size()];
            for (int c = 0; c < bucketByCode.length; c++) {
                bucketByCode[c] = spec.index(vocabulary.id(c)) - 1;
            }
            BoundColumn col = BoundColumn.bind(in, spec.column(), bucketByCode);
            return (row, o) -> {
                int b = col.category(row);
                if (b < 0) {
                    out.categorical(o, 0, FeatureSpec.UNKNOWN);
                    out.countUnknown(0);
                } else {
                    out.categorical(o, 0, b + 1);
                }
            };
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", spec.column()).param("buckets", spec.buckets()).param("seed", spec.seed());
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "MurmurHash3 x86_32 (seed %d) of UTF-8 labels into %d buckets "
                    + "-> indices 1..%d (0 = missing)", spec.seed(), spec.buckets(), spec.buckets());
        }
    }
}
