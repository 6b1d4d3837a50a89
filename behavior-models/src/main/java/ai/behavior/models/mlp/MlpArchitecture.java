package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of an MLP network, derived from a feature schema and {@link MlpOptions}: the dense columns, one
 * embedding per categorical column sized by {@link #embeddingDim}, the hidden layers, dropout and normalisation.
 * Saved with the model so that loading rebuilds exactly the same network.
 *
 * <pre>{@code
 * MlpArchitecture a = MlpArchitecture.of(matrix.schema(), MlpOptions.binary());
 * int width = a.inputWidth();   // dense columns + sum of embedding sizes
 * }</pre>
 *
 * @param features      the dense and categorical features in schema order
 * @param embeddingDims embedding size of each categorical feature, in categorical order
 * @param hidden        hidden layer sizes
 * @param dropout       dropout rate
 * @param norm          normalisation
 */
public record MlpArchitecture(List<FeatureSpec> features, List<Integer> embeddingDims, List<Integer> hidden,
                              double dropout, MlpNorm norm) {
    /** Copies the lists and checks that there is one embedding size per categorical feature. */
    public MlpArchitecture {
        features = List.copyOf(features);
        embeddingDims = List.copyOf(embeddingDims);
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(norm, "norm");
        long categorical = features.stream().filter(f -> f instanceof FeatureSpec.Categorical).count();
        if (categorical != embeddingDims.size()) {
            throw new IllegalArgumentException(categorical + " categorical features but " + embeddingDims.size()
                    + " embedding sizes");
        }
        for (FeatureSpec f : features) {
            if (f instanceof FeatureSpec.Sequence) {
                throw new IllegalArgumentException("the MLP takes dense and categorical features; sequence feature '"
                        + f.name() + "' needs a sequence model (drop it from the pipeline or use one)");
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("the MLP needs at least one dense or categorical feature");
        }
    }

    /**
     * Embedding size of a categorical column with {@code cardinality} indices (unknown included):
     * {@code min(max, round(1.6 * cardinality^0.56))}, at least 1 — the fast.ai rule of thumb, which grows
     * slowly with the vocabulary (10 -> 6, 100 -> 21 before the cap, 1,000 -> 77 before the cap).
     */
    public static int embeddingDim(int cardinality, int max) {
        if (cardinality < 1 || max < 1) {
            throw new IllegalArgumentException("need cardinality >= 1 and max >= 1, got " + cardinality + ", " + max);
        }
        long d = Math.round(1.6 * Math.pow(cardinality, 0.56));
        return (int) Math.max(1, Math.min(max, d));
    }

    /** The architecture for inputs laid out by {@code schema}. */
    public static MlpArchitecture of(FeatureSchema schema, MlpOptions options) {
        List<Integer> dims = new ArrayList<>();
        for (FeatureSpec.Categorical c : schema.categorical()) {
            dims.add(embeddingDim(c.cardinality(), options.maxEmbeddingDim()));
        }
        return new MlpArchitecture(schema.features(), dims, options.hidden(), options.dropout(), options.norm());
    }

    /** Number of dense columns. */
    public int denseWidth() {
        return (int) features.stream().filter(f -> f instanceof FeatureSpec.Dense).count();
    }

    /** The categorical features in column order. */
    public List<FeatureSpec.Categorical> categorical() {
        List<FeatureSpec.Categorical> out = new ArrayList<>();
        for (FeatureSpec f : features) {
            if (f instanceof FeatureSpec.Categorical c) {
                out.add(c);
            }
        }
        return out;
    }

    /** Width of the first hidden layer's input: dense columns plus all embedding sizes. */
    public int inputWidth() {
        return denseWidth() + embeddingDims.stream().mapToInt(Integer::intValue).sum();
    }

    /** The network's input shapes for batch size 1: dense {@code (1, denseWidth)}, categorical {@code (1, k)}. */
    public Shape[] inputShapes() {
        return new Shape[] {new Shape(1, denseWidth()), new Shape(1, embeddingDims.size())};
    }

    /**
     * Checks that {@code schema} lays out exactly these features.
     *
     * @throws IllegalArgumentException naming the first difference
     */
    public void check(FeatureSchema schema, String what) {
        List<FeatureSpec> got = schema.features();
        if (got.equals(features)) {
            return;
        }
        for (int i = 0; i < Math.min(got.size(), features.size()); i++) {
            if (!got.get(i).equals(features.get(i))) {
                throw new IllegalArgumentException(what + ": feature " + i + " is " + got.get(i) + " but the model was "
                        + "built for " + features.get(i));
            }
        }
        throw new IllegalArgumentException(what + " has " + got.size() + " features but the model was built for "
                + features.size() + ": " + features);
    }

    /** The architecture as JSON. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray f = new JsonArray();
        for (FeatureSpec s : features) {
            JsonObject e = new JsonObject();
            e.addProperty("name", s.name());
            if (s instanceof FeatureSpec.Categorical c) {
                e.addProperty("kind", "categorical");
                e.addProperty("cardinality", c.cardinality());
            } else {
                e.addProperty("kind", "dense");
            }
            f.add(e);
        }
        o.add("features", f);
        JsonArray d = new JsonArray();
        embeddingDims.forEach(d::add);
        o.add("embeddingDims", d);
        JsonArray h = new JsonArray();
        hidden.forEach(h::add);
        o.add("hidden", h);
        o.addProperty("dropout", dropout);
        o.addProperty("norm", norm.name());
        return o;
    }

    /** Reads {@link #toJson()} back. */
    public static MlpArchitecture fromJson(JsonObject o) {
        List<FeatureSpec> f = new ArrayList<>();
        o.getAsJsonArray("features").forEach(e -> {
            JsonObject x = e.getAsJsonObject();
            String name = x.get("name").getAsString();
            String kind = x.get("kind").getAsString();
            if (kind.equals("categorical")) {
                f.add(new FeatureSpec.Categorical(name, x.get("cardinality").getAsInt()));
            } else if (kind.equals("dense")) {
                f.add(new FeatureSpec.Dense(name));
            } else {
                throw new IllegalArgumentException("feature '" + name + "' has unknown kind '" + kind + "'");
            }
        });
        List<Integer> d = new ArrayList<>();
        o.getAsJsonArray("embeddingDims").forEach(e -> d.add(e.getAsInt()));
        List<Integer> h = new ArrayList<>();
        o.getAsJsonArray("hidden").forEach(e -> h.add(e.getAsInt()));
        return new MlpArchitecture(f, d, h, o.get("dropout").getAsDouble(), MlpNorm.valueOf(o.get("norm").getAsString()));
    }
}
