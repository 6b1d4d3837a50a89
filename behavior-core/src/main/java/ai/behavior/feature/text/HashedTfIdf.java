package ai.behavior.feature.text;

import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;
import ai.behavior.feature.categorical.StableHash;
import ai.behavior.modelfile.ModelFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hashed TF-IDF of a text column: {@code buckets} dense outputs named {@code h0..h{buckets-1}}. Per row, each
 * token ({@link Tokenizer} rules) adds 1 to bucket {@code StableHash.bucket(hash, buckets)} of its
 * MurmurHash3 hash, or with signed hashing adds {@code StableHash.sign(hash)} (bit 31 of the same hash, a bit
 * the bucket does not use), so colliding tokens tend to cancel instead of piling up. With sublinear tf a
 * non-zero count {@code t} becomes {@code sign(t) * (1 + ln|t|)}. Each bucket is then multiplied by its IDF,
 * fitted on the training rows with scikit-learn's smooth IDF {@code ln((1 + n) / (1 + df)) + 1} ({@code n}
 * training rows, {@code df} rows with a token in the bucket), and the row is scaled to unit L2 norm; a row
 * with no token (missing text is an empty document, and counts in {@code n}) stays all zero.
 *
 * <pre>{@code
 * Pipeline.builder().add("query", HashedTfIdf.of("query").buckets(4096).withSublinearTf()).build();
 * float first = matrix.dense(row, matrix.schema().denseIndex("query.h0"));
 * }</pre>
 *
 * @param column      the text input column
 * @param buckets     the number of hash buckets and outputs ({@code >= 1}; default 1024)
 * @param sublinearTf whether counts become {@code 1 + ln(count)}
 * @param signed      whether a hash bit decides each token's sign
 * @param seed        the MurmurHash3 seed (default 0)
 * @param tokenizer   the tokenising rules
 */
public record HashedTfIdf(String column, int buckets, boolean sublinearTf, boolean signed, int seed,
                          Tokenizer tokenizer) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "hashed-tfidf";
    /** Default number of buckets. */
    public static final int DEFAULT_BUCKETS = 1024;

    /** Checks the options. */
    public HashedTfIdf {
        if (column == null || tokenizer == null) {
            throw new IllegalArgumentException("column and tokenizer must not be null");
        }
        if (buckets < 1) {
            throw new IllegalArgumentException(column + ": buckets must be >= 1, got " + buckets);
        }
    }

    /** Hashed TF-IDF of {@code column}: {@value #DEFAULT_BUCKETS} buckets, raw counts, unsigned, seed 0. */
    public static HashedTfIdf of(String column) {
        return new HashedTfIdf(column, DEFAULT_BUCKETS, false, false, 0, Tokenizer.defaults());
    }

    /** The same with {@code n} buckets. */
    public HashedTfIdf buckets(int n) {
        return new HashedTfIdf(column, n, sublinearTf, signed, seed, tokenizer);
    }

    /** The same with sublinear term frequencies {@code 1 + ln(count)}. */
    public HashedTfIdf withSublinearTf() {
        return new HashedTfIdf(column, buckets, true, signed, seed, tokenizer);
    }

    /** The same with signed hashing. */
    public HashedTfIdf withSignedHash() {
        return new HashedTfIdf(column, buckets, sublinearTf, true, seed, tokenizer);
    }

    /** The same with another hash seed. */
    public HashedTfIdf seed(int newSeed) {
        return new HashedTfIdf(column, buckets, sublinearTf, signed, newSeed, tokenizer);
    }

    /** The same, skipping tokens shorter than {@code n} code points. */
    public HashedTfIdf minTokenLength(int n) {
        return new HashedTfIdf(column, buckets, sublinearTf, signed, seed, tokenizer.minLength(n));
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    /** Counts, per bucket, the training rows with a token in it; a column without any token is an error. */
    @Override
    public Fitted fit(FeatureFrame train, FitContext context) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit on column '" + column + "': the training set is empty");
        }
        String[] docs = train.text(column);
        int[] df = new int[buckets];
        int[] lastDoc = new int[buckets];
        Arrays.fill(lastDoc, -1);
        Tokenizer.Cursor cursor = tokenizer.cursor(seed);
        long tokens = 0;
        for (int r = 0; r < docs.length; r++) {
            cursor.reset(docs[r]);
            while (cursor.next()) {
                tokens++;
                int b = StableHash.bucket(cursor.hash(), buckets);
                if (lastDoc[b] != r) {
                    lastDoc[b] = r;
                    df[b]++;
                }
            }
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("column '" + column + "' has no token (of at least "
                    + tokenizer.minLength() + " letters or digits) in " + docs.length + " training rows; nothing "
                    + "to fit");
        }
        return new Fitted(this, df, docs.length);
    }

    static Transform load(StepReader in) throws IOException {
        HashedTfIdf spec;
        try {
            spec = new HashedTfIdf(in.stringParam("column"), in.intParam("buckets"), in.booleanParam("sublinear"),
                    in.booleanParam("signed"), in.intParam("seed"), new Tokenizer(in.intParam("mintokenlength")));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("pipeline step '" + in.step() + "': " + e.getMessage());
        }
        int[] df = in.ints("df");
        long documents = in.longParam("documents");
        if (df.length != spec.buckets() || documents < 1) {
            throw new ModelFileException("pipeline step '" + in.step() + "': " + df.length + " document "
                    + "frequencies for " + spec.buckets() + " buckets over " + documents + " documents");
        }
        for (int b = 0; b < df.length; b++) {
            if (df[b] < 0 || df[b] > documents) {
                throw new ModelFileException("pipeline step '" + in.step() + "': bucket " + b + " has document "
                        + "frequency " + df[b] + " of " + documents + " documents");
            }
        }
        return new Fitted(spec, df, documents);
    }

    /** The fitted hashed TF-IDF: the options and the per-bucket document frequencies. */
    public static final class Fitted implements Transform {
        private final HashedTfIdf spec;
        private final int[] df;
        private final long documents;
        private final double[] idf;
        private final List<FeatureSpec> outputs;

        Fitted(HashedTfIdf spec, int[] df, long documents) {
            this.spec = spec;
            this.df = df;
            this.documents = documents;
            this.idf = new double[df.length];
            for (int b = 0; b < df.length; b++) {
                idf[b] = Math.log((1.0 + documents) / (1.0 + df[b])) + 1;
            }
            List<FeatureSpec> outs = new ArrayList<>(spec.buckets());
            for (int b = 0; b < spec.buckets(); b++) {
                outs.add(new FeatureSpec.Dense("h" + b));
            }
            this.outputs = List.copyOf(outs);
        }

        /** The options. */
        public HashedTfIdf spec() {
            return spec;
        }

        /** The IDF of bucket {@code b}. */
        public double idf(int b) {
            return idf[b];
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
            return outputs;
        }

        /**
         * Binds with one scratch array of {@code buckets} doubles and one token cursor, reused by every row: like
         * every bound transform, the result must be used by one thread at a time.
         */
        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            String[] docs = in.text(spec.column());
            int n = spec.buckets();
            boolean signed = spec.signed();
            boolean sublinear = spec.sublinearTf();
            double[] tf = new double[n];
            Tokenizer.Cursor cursor = spec.tokenizer().cursor(spec.seed());
            return (row, o) -> {
                Arrays.fill(tf, 0);
                cursor.reset(docs[row]);
                while (cursor.next()) {
                    int h = cursor.hash();
                    tf[StableHash.bucket(h, n)] += signed ? StableHash.sign(h) : 1;
                }
                double norm = 0;
                for (int b = 0; b < n; b++) {
                    double t = tf[b];
                    if (t != 0) {
                        if (sublinear) {
                            t = Math.signum(t) * (1 + Math.log(Math.abs(t)));
                        }
                        t *= idf[b];
                        tf[b] = t;
                        norm += t * t;
                    }
                }
                double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
                for (int b = 0; b < n; b++) {
                    out.dense(o, b, (float) (tf[b] * scale));
                }
            };
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("column", spec.column()).param("buckets", spec.buckets()).param("sublinear", spec.sublinearTf())
                    .param("signed", spec.signed()).param("seed", spec.seed())
                    .param("mintokenlength", spec.tokenizer().minLength()).param("documents", documents);
            out.ints("df", df);
        }

        @Override
        public String describe() {
            int used = 0;
            for (int d : df) {
                used += d > 0 ? 1 : 0;
            }
            return String.format(Locale.ROOT, "%d buckets (%d seen in training), %d documents, %s%s tf, "
                    + "smooth idf, L2 rows; MurmurHash3 seed %d, min token length %d", spec.buckets(), used, documents,
                    spec.signed() ? "signed " : "", spec.sublinearTf() ? "sublinear" : "raw", spec.seed(),
                    spec.tokenizer().minLength());
        }
    }
}
