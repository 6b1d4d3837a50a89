package ai.behavior.models.sequence;

import ai.behavior.models.train.TrainingOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The design and training of a sequence model ({@link NextItem}, {@link SequenceClassifier}): encoder, widths,
 * embedded event attributes, next-item loss and the shared {@link TrainingOptions}.
 *
 * <pre>{@code
 * SequenceOptions sasrec = SequenceOptions.transformer().withDim(64).withLayers(2).withDropout(0.2);
 * SequenceOptions gru4rec = SequenceOptions.gru().withTraining(TrainingOptions.defaults().withEpochs(30));
 * }</pre>
 *
 * @param encoder the encoder (default TRANSFORMER for {@link #transformer()}, GRU for {@link #gru()})
 * @param dim width of the item embeddings and states, &gt;= 1 (default 64)
 * @param layers recurrent or Transformer layers, &gt;= 1 (default 2 for the Transformer, 1 for recurrent encoders)
 * @param heads attention heads, dividing {@code dim} (Transformer only; default 2)
 * @param ffn feed-forward width of each Transformer layer (default 4 dim)
 * @param dropout dropout rate in [0, 1) (default 0.2)
 * @param maxLength events per sequence, older ones dropped (default 50)
 * @param combine how attribute embeddings join the item's (default SUM)
 * @param features attributes embedded besides the item (default none)
 * @param sideDim width of each attribute embedding under CONCAT (default 16)
 * @param loss next-item training loss (default FULL_SOFTMAX)
 * @param negatives negatives per position for SAMPLED_BCE, &gt;= 1 (default 1, as SASRec)
 * @param scaleEmbeddings whether the Transformer multiplies the event embeddings by {@code sqrt(dim)} before adding
 *                  the positions, as the original Transformer and the SASRec paper do (ignored by recurrent
 *                  encoders; default true; on ML-100K next item, false did better: see docs/sequence-models.md)
 * @param training the shared training loop's options (default: up to 100 epochs, batch 128, Adam 1e-3, patience 10)
 */
public record SequenceOptions(EncoderKind encoder, int dim, int layers, int heads, int ffn, double dropout,
                              int maxLength, InputCombine combine, List<EventFeature> features, int sideDim,
                              NextItemLoss loss, int negatives, boolean scaleEmbeddings, TrainingOptions training) {
    /** Checks every option, naming the bad one. */
    public SequenceOptions {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(combine, "combine");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(training, "training");
        features = List.copyOf(features.isEmpty() ? EnumSet.noneOf(EventFeature.class) : EnumSet.copyOf(features));
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        if (heads < 1 || dim % heads != 0) {
            throw new IllegalArgumentException("heads must be >= 1 and divide dim (" + dim + "), got " + heads);
        }
        if (ffn < 1) {
            throw new IllegalArgumentException("ffn must be >= 1, got " + ffn);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
        if (sideDim < 1) {
            throw new IllegalArgumentException("sideDim must be >= 1, got " + sideDim);
        }
        if (negatives < 1) {
            throw new IllegalArgumentException("negatives must be >= 1, got " + negatives);
        }
    }

    /** The default training: up to 100 epochs of 128 sequences, Adam at 1e-3, cosine decay, patience 10. */
    public static TrainingOptions defaultTraining() {
        return TrainingOptions.defaults().withEpochs(100).withBatchSize(128).withPatience(10);
    }

    /**
     * The SASRec-style Transformer: dim 64, 2 layers of 2 heads, ffn 256, dropout 0.2, 50 events, full softmax,
     * embeddings scaled by {@code sqrt(dim)} as in the SASRec paper.
     */
    public static SequenceOptions transformer() {
        return new SequenceOptions(EncoderKind.TRANSFORMER, 64, 2, 2, 256, 0.2, 50, InputCombine.SUM, List.of(), 16,
                NextItemLoss.FULL_SOFTMAX, 1, true, defaultTraining());
    }

    /** The GRU4Rec-style recurrent encoder: a GRU of dim 64, one layer, dropout 0.2, 50 events, full softmax. */
    public static SequenceOptions gru() {
        return new SequenceOptions(EncoderKind.GRU, 64, 1, 1, 256, 0.2, 50, InputCombine.SUM, List.of(), 16,
                NextItemLoss.FULL_SOFTMAX, 1, true, defaultTraining());
    }

    /** As {@link #gru()} with an LSTM. */
    public static SequenceOptions lstm() {
        return gru().withEncoder(EncoderKind.LSTM);
    }

    /** A copy with {@link #encoder()} replaced. */
    public SequenceOptions withEncoder(EncoderKind value) {
        return new SequenceOptions(value, dim, layers, heads, ffn, dropout, maxLength, combine, features, sideDim, loss,
                negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #dim()} replaced. */
    public SequenceOptions withDim(int value) {
        return new SequenceOptions(encoder, value, layers, heads, ffn, dropout, maxLength, combine, features, sideDim,
                loss, negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #layers()} replaced. */
    public SequenceOptions withLayers(int value) {
        return new SequenceOptions(encoder, dim, value, heads, ffn, dropout, maxLength, combine, features, sideDim,
                loss, negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #heads()} replaced. */
    public SequenceOptions withHeads(int value) {
        return new SequenceOptions(encoder, dim, layers, value, ffn, dropout, maxLength, combine, features, sideDim,
                loss, negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #ffn()} replaced. */
    public SequenceOptions withFfn(int value) {
        return new SequenceOptions(encoder, dim, layers, heads, value, dropout, maxLength, combine, features, sideDim,
                loss, negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #dropout()} replaced. */
    public SequenceOptions withDropout(double value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, value, maxLength, combine, features, sideDim, loss,
                negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #maxLength()} replaced. */
    public SequenceOptions withMaxLength(int value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, value, combine, features, sideDim, loss,
                negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #combine()} replaced. */
    public SequenceOptions withCombine(InputCombine value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, maxLength, value, features, sideDim, loss,
                negatives, scaleEmbeddings, training);
    }

    /** A copy embedding exactly these attributes besides the item (none: the item alone). */
    public SequenceOptions withFeatures(EventFeature... value) {
        List<EventFeature> list = new ArrayList<>(Arrays.asList(value));
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, maxLength, combine, list, sideDim, loss,
                negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #sideDim()} replaced. */
    public SequenceOptions withSideDim(int value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, maxLength, combine, features, value, loss,
                negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #loss()} replaced. */
    public SequenceOptions withLoss(NextItemLoss value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, maxLength, combine, features, sideDim,
                value, negatives, scaleEmbeddings, training);
    }

    /** A copy with {@link #negatives()} replaced. */
    public SequenceOptions withNegatives(int value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, maxLength, combine, features, sideDim,
                loss, value, scaleEmbeddings, training);
    }

    /** A copy with {@link #scaleEmbeddings()} replaced. */
    public SequenceOptions withScaleEmbeddings(boolean value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, maxLength, combine, features, sideDim,
                loss, negatives, value, training);
    }

    /** A copy with {@link #training()} replaced. */
    public SequenceOptions withTraining(TrainingOptions value) {
        return new SequenceOptions(encoder, dim, layers, heads, ffn, dropout, maxLength, combine, features, sideDim,
                loss, negatives, scaleEmbeddings, value);
    }

    /** The options as JSON for a model manifest (the progress listener is not stored). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("encoder", encoder.name());
        o.addProperty("dim", dim);
        o.addProperty("layers", layers);
        o.addProperty("heads", heads);
        o.addProperty("ffn", ffn);
        o.addProperty("dropout", dropout);
        o.addProperty("maxLength", maxLength);
        o.addProperty("combine", combine.name());
        JsonArray f = new JsonArray();
        features.forEach(x -> f.add(x.name()));
        o.add("features", f);
        o.addProperty("sideDim", sideDim);
        o.addProperty("loss", loss.name());
        o.addProperty("negatives", negatives);
        o.addProperty("scaleEmbeddings", scaleEmbeddings);
        o.add("training", training.toJson());
        return o;
    }

    /**
     * Reads {@link #toJson()} back, with a quiet progress listener; JSON without {@code scaleEmbeddings} (written
     * before the option existed) means {@code true}, what those models did.
     */
    public static SequenceOptions fromJson(JsonObject o) {
        List<EventFeature> f = new ArrayList<>();
        o.getAsJsonArray("features").forEach(e -> f.add(EventFeature.valueOf(e.getAsString())));
        return new SequenceOptions(EncoderKind.valueOf(o.get("encoder").getAsString()), o.get("dim").getAsInt(),
                o.get("layers").getAsInt(), o.get("heads").getAsInt(), o.get("ffn").getAsInt(),
                o.get("dropout").getAsDouble(), o.get("maxLength").getAsInt(),
                InputCombine.valueOf(o.get("combine").getAsString()), f, o.get("sideDim").getAsInt(),
                NextItemLoss.valueOf(o.get("loss").getAsString()), o.get("negatives").getAsInt(),
                // files written before the option existed scaled the embeddings
                !o.has("scaleEmbeddings") || o.get("scaleEmbeddings").getAsBoolean(),
                TrainingOptions.fromJson(o.getAsJsonObject("training")));
    }

    /** A short description, e.g. {@code "TRANSFORMER dim 64, 2 layers x 2 heads, ffn 256, dropout 0.20, ..."}. */
    public String describe() {
        String body = encoder == EncoderKind.TRANSFORMER
                ? String.format(java.util.Locale.ROOT, "%s dim %d, %d layer%s x %d head%s, ffn %d%s", encoder, dim,
                        layers, layers == 1 ? "" : "s", heads, heads == 1 ? "" : "s", ffn,
                        scaleEmbeddings ? ", embeddings x sqrt(dim)" : "")
                : String.format(java.util.Locale.ROOT, "%s dim %d, %d layer%s", encoder, dim, layers,
                        layers == 1 ? "" : "s");
        return String.format(java.util.Locale.ROOT, "%s, dropout %.2f, max %d%s, %s%s, lr %.2g", body, dropout,
                maxLength, features.isEmpty() ? "" : ", " + features + " " + combine, loss,
                loss == NextItemLoss.SAMPLED_BCE ? " (" + negatives + " neg)" : "", training.learningRate());
    }
}
