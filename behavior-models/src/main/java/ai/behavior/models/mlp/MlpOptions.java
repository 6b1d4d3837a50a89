package ai.behavior.models.mlp;

import ai.behavior.models.train.TrainingOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The design and training of a tabular {@link Mlp}: the task, hidden layers, dropout, normalisation, the cap on
 * embedding sizes and the shared {@link TrainingOptions}.
 *
 * <pre>{@code
 * MlpOptions o = MlpOptions.binary().withHidden(128, 64).withDropout(0.1).withNorm(MlpNorm.BATCH)
 *         .withTraining(TrainingOptions.defaults().withEpochs(20));
 * }</pre>
 *
 * @param task            binary classification or regression
 * @param hidden          units of each hidden layer, in order (each &gt;= 1; may be empty for a linear model)
 * @param dropout         dropout rate after each hidden ReLU, in [0, 1) (default 0.1)
 * @param norm            normalisation after each hidden linear layer (default {@link MlpNorm#NONE})
 * @param maxEmbeddingDim the cap on each categorical column's embedding size, &gt;= 1 (default 16; see
 *                        {@link MlpArchitecture#embeddingDim})
 * @param training        the training loop's options
 */
public record MlpOptions(MlpTask task, List<Integer> hidden, double dropout, MlpNorm norm, int maxEmbeddingDim,
                         TrainingOptions training) {
    /** Checks every option, naming the bad one. */
    public MlpOptions {
        Objects.requireNonNull(task, "task");
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i) < 1) {
                throw new IllegalArgumentException("hidden layer " + i + " must have >= 1 units, got " + hidden.get(i));
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        Objects.requireNonNull(norm, "norm");
        if (maxEmbeddingDim < 1) {
            throw new IllegalArgumentException("maxEmbeddingDim must be >= 1, got " + maxEmbeddingDim);
        }
        Objects.requireNonNull(training, "training");
    }

    /** Binary classification, hidden 128 and 64, dropout 0.1, no norm, embeddings up to 16, default training. */
    public static MlpOptions binary() {
        return new MlpOptions(MlpTask.BINARY, List.of(128, 64), 0.1, MlpNorm.NONE, 16, TrainingOptions.defaults());
    }

    /** Regression with the same defaults as {@link #binary()}. */
    public static MlpOptions regression() {
        return binary().withTask(MlpTask.REGRESSION);
    }

    /** A copy with {@link #task()} replaced. */
    public MlpOptions withTask(MlpTask value) {
        return new MlpOptions(value, hidden, dropout, norm, maxEmbeddingDim, training);
    }

    /** A copy with {@link #hidden()} replaced. */
    public MlpOptions withHidden(int... units) {
        List<Integer> h = new ArrayList<>();
        for (int u : units) {
            h.add(u);
        }
        return new MlpOptions(task, h, dropout, norm, maxEmbeddingDim, training);
    }

    /** A copy with {@link #dropout()} replaced. */
    public MlpOptions withDropout(double value) {
        return new MlpOptions(task, hidden, value, norm, maxEmbeddingDim, training);
    }

    /** A copy with {@link #norm()} replaced. */
    public MlpOptions withNorm(MlpNorm value) {
        return new MlpOptions(task, hidden, dropout, value, maxEmbeddingDim, training);
    }

    /** A copy with {@link #maxEmbeddingDim()} replaced. */
    public MlpOptions withMaxEmbeddingDim(int value) {
        return new MlpOptions(task, hidden, dropout, norm, value, training);
    }

    /** A copy with {@link #training()} replaced. */
    public MlpOptions withTraining(TrainingOptions value) {
        return new MlpOptions(task, hidden, dropout, norm, maxEmbeddingDim, value);
    }

    /** The options as JSON (the progress listener is not stored). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("task", task.name());
        JsonArray h = new JsonArray();
        hidden.forEach(h::add);
        o.add("hidden", h);
        o.addProperty("dropout", dropout);
        o.addProperty("norm", norm.name());
        o.addProperty("maxEmbeddingDim", maxEmbeddingDim);
        o.add("training", training.toJson());
        return o;
    }

    /** Reads {@link #toJson()} back. */
    public static MlpOptions fromJson(JsonObject o) {
        List<Integer> h = new ArrayList<>();
        o.getAsJsonArray("hidden").forEach(e -> h.add(e.getAsInt()));
        return new MlpOptions(MlpTask.valueOf(o.get("task").getAsString()), h, o.get("dropout").getAsDouble(),
                MlpNorm.valueOf(o.get("norm").getAsString()), o.get("maxEmbeddingDim").getAsInt(),
                TrainingOptions.fromJson(o.getAsJsonObject("training")));
    }
}
