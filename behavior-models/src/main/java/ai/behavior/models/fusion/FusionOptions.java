package ai.behavior.models.fusion;

import ai.behavior.models.train.TrainingOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The design and training of a {@link Fusion} classifier: how the sequence and attribute representations are
 * fused, the head above them, and the shared {@link TrainingOptions}.
 *
 * <pre>{@code
 * FusionOptions o = FusionOptions.defaults().withMode(FusionMode.ATTENTION).withDim(32)
 *         .withTraining(TrainingOptions.defaults().withEpochs(8));
 * }</pre>
 *
 * @param mode            concatenation, weighted sum or attention (default {@link FusionMode#CONCAT})
 * @param gate            the gate of {@link FusionMode#WEIGHTED_SUM} (default {@link FusionGate#SCALAR})
 * @param dim             the size both representations are projected to by WEIGHTED_SUM and ATTENTION, &gt;= 1
 *                        (default 32; CONCAT ignores it)
 * @param hidden          units of each hidden layer of the head (Linear, ReLU, dropout), each &gt;= 1; may be
 *                        empty for a logistic head (default 64, 32)
 * @param dropout         dropout after each hidden ReLU, in [0, 1) (default 0.1)
 * @param maxEmbeddingDim cap on each categorical attribute's embedding size, &gt;= 1 (default 16)
 * @param sequenceFeature the sequence feature to encode; {@code null} = the schema's only one (default null)
 * @param training        the training loop's options (default {@link TrainingOptions#defaults()})
 */
public record FusionOptions(FusionMode mode, FusionGate gate, int dim, List<Integer> hidden, double dropout,
                            int maxEmbeddingDim, String sequenceFeature, TrainingOptions training) {
    /** Checks every option, naming the bad one. */
    public FusionOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(gate, "gate");
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i) < 1) {
                throw new IllegalArgumentException("hidden layer " + i + " must have >= 1 units, got " + hidden.get(i));
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (maxEmbeddingDim < 1) {
            throw new IllegalArgumentException("maxEmbeddingDim must be >= 1, got " + maxEmbeddingDim);
        }
        Objects.requireNonNull(training, "training");
    }

    /** CONCAT, scalar gate, dim 32, head 64-32, dropout 0.1, embeddings up to 16, the only sequence, defaults. */
    public static FusionOptions defaults() {
        return new FusionOptions(FusionMode.CONCAT, FusionGate.SCALAR, 32, List.of(64, 32), 0.1, 16, null,
                TrainingOptions.defaults());
    }

    /** A copy with {@link #mode()} replaced. */
    public FusionOptions withMode(FusionMode value) {
        return new FusionOptions(value, gate, dim, hidden, dropout, maxEmbeddingDim, sequenceFeature, training);
    }

    /** A copy with {@link #gate()} replaced. */
    public FusionOptions withGate(FusionGate value) {
        return new FusionOptions(mode, value, dim, hidden, dropout, maxEmbeddingDim, sequenceFeature, training);
    }

    /** A copy with {@link #dim()} replaced. */
    public FusionOptions withDim(int value) {
        return new FusionOptions(mode, gate, value, hidden, dropout, maxEmbeddingDim, sequenceFeature, training);
    }

    /** A copy with {@link #hidden()} replaced. */
    public FusionOptions withHidden(int... units) {
        List<Integer> h = new ArrayList<>();
        for (int u : units) {
            h.add(u);
        }
        return new FusionOptions(mode, gate, dim, h, dropout, maxEmbeddingDim, sequenceFeature, training);
    }

    /** A copy with {@link #dropout()} replaced. */
    public FusionOptions withDropout(double value) {
        return new FusionOptions(mode, gate, dim, hidden, value, maxEmbeddingDim, sequenceFeature, training);
    }

    /** A copy with {@link #maxEmbeddingDim()} replaced. */
    public FusionOptions withMaxEmbeddingDim(int value) {
        return new FusionOptions(mode, gate, dim, hidden, dropout, value, sequenceFeature, training);
    }

    /** A copy with {@link #sequenceFeature()} replaced. */
    public FusionOptions withSequenceFeature(String value) {
        return new FusionOptions(mode, gate, dim, hidden, dropout, maxEmbeddingDim, value, training);
    }

    /** A copy with {@link #training()} replaced. */
    public FusionOptions withTraining(TrainingOptions value) {
        return new FusionOptions(mode, gate, dim, hidden, dropout, maxEmbeddingDim, sequenceFeature, value);
    }

    /** The options as JSON for a model manifest (the progress listener is not stored). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("mode", mode.name());
        o.addProperty("gate", gate.name());
        o.addProperty("dim", dim);
        JsonArray h = new JsonArray();
        hidden.forEach(h::add);
        o.add("hidden", h);
        o.addProperty("dropout", dropout);
        o.addProperty("maxEmbeddingDim", maxEmbeddingDim);
        o.addProperty("sequenceFeature", sequenceFeature);
        o.add("training", training.toJson());
        return o;
    }

    /** Reads {@link #toJson()} back, with a quiet progress listener. */
    public static FusionOptions fromJson(JsonObject o) {
        List<Integer> h = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("hidden")) {
            h.add(e.getAsInt());
        }
        JsonElement seq = o.get("sequenceFeature");
        return new FusionOptions(FusionMode.valueOf(o.get("mode").getAsString()),
                FusionGate.valueOf(o.get("gate").getAsString()), o.get("dim").getAsInt(), h,
                o.get("dropout").getAsDouble(), o.get("maxEmbeddingDim").getAsInt(),
                seq == null || seq.isJsonNull() ? null : seq.getAsString(),
                TrainingOptions.fromJson(o.getAsJsonObject("training")));
    }

    /** E.g. {@code "attention (dim 32), head [64, 32], dropout 0.1"}. */
    public String describe() {
        String how = switch (mode) {
            case CONCAT -> "concatenation";
            case WEIGHTED_SUM -> "weighted sum (" + gate.name().toLowerCase(java.util.Locale.ROOT) + " gate, dim "
                    + dim + ")";
            case ATTENTION -> "attention (dim " + dim + ")";
        };
        return how + ", head " + hidden + ", dropout " + dropout;
    }
}
