package ai.behavior.models.twotower;

import ai.behavior.models.fusion.FusionMode;
import ai.behavior.models.train.TrainingOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The design and training of a {@link TwoTower} retrieval model.
 *
 * <pre>{@code
 * TwoTowerOptions o = TwoTowerOptions.defaults().withObjective(TwoTowerObjective.SAMPLED).withNegatives(512)
 *         .withTraining(TrainingOptions.defaults().withEpochs(10).withBatchSize(256));
 * }</pre>
 *
 * @param dim             size of the user and item embeddings, &gt;= 1 (default 32)
 * @param hidden          hidden layers (Linear, ReLU) of each tower before its final Linear(dim), each &gt;= 1;
 *                        may be empty (default 64)
 * @param normalize       whether embeddings are L2-normalised, so scores are cosines (default true)
 * @param temperature     softmax temperature: logits are {@code u . v / temperature}, &gt; 0 (default 0.1; with
 *                        unnormalised embeddings 1 is the usual choice)
 * @param objective       in-batch or sampled softmax (default {@link TwoTowerObjective#IN_BATCH})
 * @param negatives       shared negatives per batch for {@link TwoTowerObjective#SAMPLED}, &gt;= 1 (default 256)
 * @param sampling        the distribution negatives are drawn from (default {@link NegativeSampling#UNIFORM})
 * @param logQCorrection  whether each logit is corrected by the log of its item's sampling probability: the
 *                        item's share of the training positives for in-batch softmax, the sampler's expected
 *                        count for sampled softmax (Yi et al., "Sampling-bias-corrected neural modeling for
 *                        large corpus item recommendations", RecSys 2019); without it in-batch softmax pushes
 *                        popular items down, since they are every batch's negatives (default true)
 * @param userFusion      how the user tower fuses its sequence with its attributes, when it has a sequence
 *                        (default {@link FusionMode#CONCAT})
 * @param fusionDim       projection size of WEIGHTED_SUM and ATTENTION fusion, &gt;= 1 (default 32)
 * @param maxEmbeddingDim cap on each categorical attribute's embedding size, &gt;= 1 (default 16)
 * @param recallK         the K of the validation metric Recall@K, &gt;= 1 (default 20)
 * @param training        the training loop's options (default: {@link TrainingOptions#defaults()} with
 *                        batch size 256)
 */
public record TwoTowerOptions(int dim, List<Integer> hidden, boolean normalize, double temperature,
                              TwoTowerObjective objective, int negatives, NegativeSampling sampling,
                              boolean logQCorrection, FusionMode userFusion, int fusionDim, int maxEmbeddingDim,
                              int recallK, TrainingOptions training) {
    /** Checks every option, naming the bad one. */
    public TwoTowerOptions {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i) < 1) {
                throw new IllegalArgumentException("hidden layer " + i + " must have >= 1 units, got " + hidden.get(i));
            }
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        Objects.requireNonNull(objective, "objective");
        if (negatives < 1) {
            throw new IllegalArgumentException("negatives must be >= 1, got " + negatives);
        }
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(userFusion, "userFusion");
        if (fusionDim < 1 || maxEmbeddingDim < 1 || recallK < 1) {
            throw new IllegalArgumentException("fusionDim, maxEmbeddingDim and recallK must be >= 1, got "
                    + fusionDim + ", " + maxEmbeddingDim + ", " + recallK);
        }
        Objects.requireNonNull(training, "training");
    }

    /** The documented defaults. */
    public static TwoTowerOptions defaults() {
        return new TwoTowerOptions(32, List.of(64), true, 0.1, TwoTowerObjective.IN_BATCH, 256,
                NegativeSampling.UNIFORM, true, FusionMode.CONCAT, 32, 16, 20,
                TrainingOptions.defaults().withBatchSize(256));
    }

    /** A copy with {@link #dim()} replaced. */
    public TwoTowerOptions withDim(int value) {
        return new TwoTowerOptions(value, hidden, normalize, temperature, objective, negatives, sampling,
                logQCorrection, userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #hidden()} replaced. */
    public TwoTowerOptions withHidden(int... units) {
        List<Integer> h = new ArrayList<>();
        for (int u : units) {
            h.add(u);
        }
        return new TwoTowerOptions(dim, h, normalize, temperature, objective, negatives, sampling, logQCorrection,
                userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #normalize()} replaced. */
    public TwoTowerOptions withNormalize(boolean value) {
        return new TwoTowerOptions(dim, hidden, value, temperature, objective, negatives, sampling, logQCorrection,
                userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #temperature()} replaced. */
    public TwoTowerOptions withTemperature(double value) {
        return new TwoTowerOptions(dim, hidden, normalize, value, objective, negatives, sampling, logQCorrection,
                userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #objective()} replaced. */
    public TwoTowerOptions withObjective(TwoTowerObjective value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, value, negatives, sampling, logQCorrection,
                userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #negatives()} replaced. */
    public TwoTowerOptions withNegatives(int value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, value, sampling, logQCorrection,
                userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #sampling()} replaced. */
    public TwoTowerOptions withSampling(NegativeSampling value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, negatives, value, logQCorrection,
                userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #logQCorrection()} replaced. */
    public TwoTowerOptions withLogQCorrection(boolean value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, negatives, sampling, value,
                userFusion, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #userFusion()} replaced. */
    public TwoTowerOptions withUserFusion(FusionMode value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, negatives, sampling,
                logQCorrection, value, fusionDim, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #fusionDim()} replaced. */
    public TwoTowerOptions withFusionDim(int value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, negatives, sampling,
                logQCorrection, userFusion, value, maxEmbeddingDim, recallK, training);
    }

    /** A copy with {@link #maxEmbeddingDim()} replaced. */
    public TwoTowerOptions withMaxEmbeddingDim(int value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, negatives, sampling,
                logQCorrection, userFusion, fusionDim, value, recallK, training);
    }

    /** A copy with {@link #recallK()} replaced. */
    public TwoTowerOptions withRecallK(int value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, negatives, sampling,
                logQCorrection, userFusion, fusionDim, maxEmbeddingDim, value, training);
    }

    /** A copy with {@link #training()} replaced. */
    public TwoTowerOptions withTraining(TrainingOptions value) {
        return new TwoTowerOptions(dim, hidden, normalize, temperature, objective, negatives, sampling,
                logQCorrection, userFusion, fusionDim, maxEmbeddingDim, recallK, value);
    }

    /** The options as JSON for a model manifest (the progress listener is not stored). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("dim", dim);
        JsonArray h = new JsonArray();
        hidden.forEach(h::add);
        o.add("hidden", h);
        o.addProperty("normalize", normalize);
        o.addProperty("temperature", temperature);
        o.addProperty("objective", objective.name());
        o.addProperty("negatives", negatives);
        o.addProperty("sampling", sampling.name());
        o.addProperty("logQCorrection", logQCorrection);
        o.addProperty("userFusion", userFusion.name());
        o.addProperty("fusionDim", fusionDim);
        o.addProperty("maxEmbeddingDim", maxEmbeddingDim);
        o.addProperty("recallK", recallK);
        o.add("training", training.toJson());
        return o;
    }

    /** Reads {@link #toJson()} back, with a quiet progress listener. */
    public static TwoTowerOptions fromJson(JsonObject o) {
        List<Integer> h = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("hidden")) {
            h.add(e.getAsInt());
        }
        return new TwoTowerOptions(o.get("dim").getAsInt(), h, o.get("normalize").getAsBoolean(),
                o.get("temperature").getAsDouble(), TwoTowerObjective.valueOf(o.get("objective").getAsString()),
                o.get("negatives").getAsInt(), NegativeSampling.valueOf(o.get("sampling").getAsString()),
                o.get("logQCorrection").getAsBoolean(), FusionMode.valueOf(o.get("userFusion").getAsString()),
                o.get("fusionDim").getAsInt(), o.get("maxEmbeddingDim").getAsInt(), o.get("recallK").getAsInt(),
                TrainingOptions.fromJson(o.getAsJsonObject("training")));
    }

    /** E.g. {@code "in-batch softmax, log-Q corrected, dim 32, L2-normalised, temperature 0.1"}. */
    public String describe() {
        String how = objective == TwoTowerObjective.IN_BATCH ? "in-batch softmax"
                : "sampled softmax (" + negatives + " " + sampling.name().toLowerCase(java.util.Locale.ROOT)
                        + " negatives per batch)";
        return how + (logQCorrection ? ", log-Q corrected" : "") + ", dim " + dim
                + (normalize ? ", L2-normalised" : "") + ", temperature " + temperature;
    }
}
