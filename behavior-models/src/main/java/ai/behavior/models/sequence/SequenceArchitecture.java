package ai.behavior.models.sequence;

import ai.behavior.data.EventType;
import ai.behavior.feature.Padding;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a sequence network: task, encoder, widths, the embedded event attributes and the vocabulary sizes.
 * Saved with the model so that loading rebuilds exactly the same network.
 *
 * <pre>{@code
 * SequenceArchitecture a = SequenceArchitecture.of(SequenceTask.NEXT_ITEM, options, items.size(), 0);
 * Shape[] shapes = a.inputShapes();   // items, [types], [gaps], [categories], mask: each (1, maxLength)
 * }</pre>
 *
 * <p>Embedding rows of items and categories: 0 = padding, 1 = unknown, {@code 2 + code} for vocabulary code
 * {@code code} (the convention of {@code FeatureSpec.Sequence}).
 *
 * @param task          next item or classification
 * @param encoder       the encoder kind
 * @param dim           width of the item embeddings and of the encoder's states
 * @param layers        recurrent or Transformer layers
 * @param heads         attention heads (Transformer only; divides {@code dim})
 * @param ffn           feed-forward width of each Transformer layer
 * @param dropout       dropout rate
 * @param maxLength     events per sequence (older ones are dropped)
 * @param combine       how attribute embeddings join the item embedding
 * @param features      the embedded attributes besides the item, in {@link EventFeature} order
 * @param sideDim       width of each attribute embedding when {@link InputCombine#CONCAT}
 * @param numItems      item vocabulary size (scores are over these items)
 * @param numCategories category vocabulary size (0 unless {@link EventFeature#CATEGORY} is used)
 * @param scaleEmbeddings whether the Transformer multiplies event embeddings by {@code sqrt(dim)} before adding
 *                      positions ({@link SequenceOptions#scaleEmbeddings()})
 */
public record SequenceArchitecture(SequenceTask task, EncoderKind encoder, int dim, int layers, int heads, int ffn,
                                   double dropout, int maxLength, InputCombine combine, List<EventFeature> features,
                                   int sideDim, int numItems, int numCategories, boolean scaleEmbeddings) {
    /** Rows before the first vocabulary code: padding and unknown. */
    public static final int FIRST_CODE_ROW = 2;
    /** Rows of the event-type embedding: padding, then one per {@link EventType}. */
    public static final int TYPE_ROWS = 1 + EventType.values().length;

    /** Checks every field. */
    public SequenceArchitecture {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(combine, "combine");
        Set<EventFeature> set = features.isEmpty() ? EnumSet.noneOf(EventFeature.class) : EnumSet.copyOf(features);
        features = List.copyOf(set);
        if (dim < 1 || layers < 1 || maxLength < 1 || sideDim < 1 || ffn < 1) {
            throw new IllegalArgumentException("dim, layers, maxLength, sideDim and ffn must be >= 1, got " + dim + ", "
                    + layers + ", " + maxLength + ", " + sideDim + ", " + ffn);
        }
        if (encoder == EncoderKind.TRANSFORMER && (heads < 1 || dim % heads != 0)) {
            throw new IllegalArgumentException("the Transformer's heads (" + heads + ") must divide dim (" + dim + ")");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (numItems < 1) {
            throw new IllegalArgumentException("the item vocabulary is empty");
        }
        if (set.contains(EventFeature.CATEGORY) != (numCategories > 0)) {
            throw new IllegalArgumentException("a model embedding categories needs a non-empty category vocabulary "
                    + "(and one without them none), got " + numCategories + " categories with features " + set);
        }
    }

    /** The architecture {@code options} ask for over {@code numItems} items and {@code numCategories} categories. */
    public static SequenceArchitecture of(SequenceTask task, SequenceOptions options, int numItems,
                                          int numCategories) {
        return new SequenceArchitecture(task, options.encoder(), options.dim(), options.layers(), options.heads(),
                options.ffn(), options.dropout(), options.maxLength(), options.combine(), options.features(),
                options.sideDim(), numItems, options.features().contains(EventFeature.CATEGORY) ? numCategories : 0,
                options.scaleEmbeddings());
    }

    /** Where padding goes: LEFT for the Transformer (SASRec), RIGHT for recurrent encoders (see the guide). */
    public Padding padding() {
        return encoder == EncoderKind.TRANSFORMER ? Padding.LEFT : Padding.RIGHT;
    }

    /** Whether {@code feature} is embedded. */
    public boolean uses(EventFeature feature) {
        return features.contains(feature);
    }

    /** Item embedding rows: padding, unknown and the vocabulary. */
    public int itemRows() {
        return numItems + FIRST_CODE_ROW;
    }

    /** Category embedding rows (0 without categories). */
    public int categoryRows() {
        return numCategories == 0 ? 0 : numCategories + FIRST_CODE_ROW;
    }

    /** Width of one attribute embedding. */
    public int attributeDim() {
        return combine == InputCombine.SUM ? dim : sideDim;
    }

    /** Width of the combined event embedding the encoder (or the Transformer's projection) reads. */
    public int inputWidth() {
        return combine == InputCombine.SUM ? dim : dim + sideDim * features.size();
    }

    /** Shapes of the network inputs for one sequence: items, each used attribute, then the mask. */
    public Shape[] inputShapes() {
        Shape[] s = new Shape[2 + features.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Shape(1, maxLength);
        }
        return s;
    }

    /** The architecture as JSON for the model folder. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("task", task.name());
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
        o.addProperty("numItems", numItems);
        o.addProperty("numCategories", numCategories);
        o.addProperty("scaleEmbeddings", scaleEmbeddings);
        return o;
    }

    /** Reads {@link #toJson()} back ({@code scaleEmbeddings} absent, as in files written before it existed: true). */
    public static SequenceArchitecture fromJson(JsonObject o) {
        List<EventFeature> f = new ArrayList<>();
        o.getAsJsonArray("features").forEach(e -> f.add(EventFeature.valueOf(e.getAsString())));
        return new SequenceArchitecture(SequenceTask.valueOf(o.get("task").getAsString()),
                EncoderKind.valueOf(o.get("encoder").getAsString()), o.get("dim").getAsInt(),
                o.get("layers").getAsInt(), o.get("heads").getAsInt(), o.get("ffn").getAsInt(),
                o.get("dropout").getAsDouble(), o.get("maxLength").getAsInt(),
                InputCombine.valueOf(o.get("combine").getAsString()), f, o.get("sideDim").getAsInt(),
                o.get("numItems").getAsInt(), o.get("numCategories").getAsInt(),
                !o.has("scaleEmbeddings") || o.get("scaleEmbeddings").getAsBoolean());
    }
}
