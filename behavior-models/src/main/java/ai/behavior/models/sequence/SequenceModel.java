package ai.behavior.models.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainingResult;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trained sequence model (next-item or classification): immutable, {@link AutoCloseable} (it owns the native
 * memory of its parameters) and safe to call from many threads.
 *
 * <pre>{@code
 * try (SequenceModel m = SequenceModel.load(dir)) { int[][] next = m.recommend(EventSequences.histories(log), 10); }
 * SequencePredictor mine = model.newPredictor();   // one per worker thread, for explicit ownership
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Every prediction method uses one {@link SequencePredictor} per calling thread (a {@link ThreadLocal}) whose
 * only state is reusable buffers; the parameters are shared, frozen and read-only, and each batch runs in its own
 * sub-manager closed before the call returns.
 *
 * <h2>Vocabulary</h2>
 * Scores are over {@link #items()} (the training log's item index): score {@code i} belongs to item
 * {@code items().id(i)}. Input sequences may use another item vocabulary; their items are matched by id, and an
 * item the model never saw is embedded as "unknown".
 */
public final class SequenceModel implements AutoCloseable {
    /** Model type in saved folders. */
    public static final String MODEL_TYPE = "sequence";
    /** Layout version of saved folders this library writes and reads. */
    public static final int VERSION = 1;

    private final Network network;
    private final SequenceArchitecture architecture;
    private final SequenceOptions options;
    private final IdIndex items;
    private final IdIndex categories;
    private final int[] itemCategories;
    private final TrainingResult training;
    private final ThreadLocal<SequencePredictor> predictors = ThreadLocal.withInitial(this::newPredictor);

    SequenceModel(Network network, SequenceArchitecture architecture, SequenceOptions options, IdIndex items,
                  IdIndex categories, int[] itemCategories, TrainingResult training) {
        this.network = network;
        this.architecture = architecture;
        this.options = options;
        this.items = items;
        this.categories = categories;
        this.itemCategories = itemCategories;
        this.training = training;
    }

    /**
     * Next-item scores, one row of {@code items().size()} per sequence (higher = more likely next); thread-safe.
     *
     * @throws IllegalStateException for a classification model
     */
    public float[][] scores(EventSequences sequences) {
        int n = sequences.size();
        int v = architecture.numItems();
        float[] flat = new float[Math.multiplyExact(n, v)];
        predictors.get().scores(sequences, 0, n, flat, 0);
        float[][] out = new float[n][];
        for (int r = 0; r < n; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * v, (r + 1) * v);
        }
        return out;
    }

    /**
     * The {@code k} highest-scoring item codes (of {@link #items()}) for each sequence, best first; ties by lower
     * code; nothing is excluded (filter seen items yourself if your application wants that).
     */
    public int[][] recommend(EventSequences sequences, int k) {
        int n = sequences.size();
        int v = architecture.numItems();
        int[][] out = new int[n][];
        float[] flat = new float[Math.multiplyExact(Math.min(n, SequencePredictor.BATCH), v)];
        SequencePredictor p = predictors.get();
        for (int start = 0; start < n; start += SequencePredictor.BATCH) {
            int end = Math.min(n, start + SequencePredictor.BATCH);
            p.scores(sequences, start, end, flat, 0);
            for (int r = start; r < end; r++) {
                out[r] = TopItems.of(flat, (r - start) * v, v, k, -1);
            }
        }
        return out;
    }

    /**
     * The probability of the positive class for each sequence; thread-safe.
     *
     * @throws IllegalStateException for a next-item model
     */
    public double[] predict(EventSequences sequences) {
        double[] out = new double[sequences.size()];
        predictors.get().predict(sequences, 0, sequences.size(), out, 0);
        return out;
    }

    /** Each sequence's representation: the encoder state after its last event, {@code dim} floats. */
    public float[][] encode(EventSequences sequences) {
        int n = sequences.size();
        int d = architecture.dim();
        float[] flat = new float[Math.multiplyExact(n, d)];
        predictors.get().encode(sequences, 0, n, flat, 0);
        float[][] out = new float[n][];
        for (int r = 0; r < n; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * d, (r + 1) * d);
        }
        return out;
    }

    /**
     * The attention weights of a Transformer model for sequence {@code index} of {@code sequences}: per layer and
     * head, over the sequence's last {@code maxLength} events, as the model computes them when predicting (no
     * dropout); thread-safe.
     *
     * @throws IllegalStateException    for a recurrent model
     * @throws IllegalArgumentException when the sequence is empty
     */
    public AttentionWeights attention(EventSequences sequences, int index) {
        if (architecture.encoder() != EncoderKind.TRANSFORMER) {
            throw new IllegalStateException("attention weights need a TRANSFORMER model; this one is "
                    + architecture.encoder());
        }
        java.util.Objects.checkIndex(index, sequences.size());
        int events = sequences.items()[index].length;
        if (events == 0) {
            throw new IllegalArgumentException("sequence " + index + " is empty: attention needs at least one event");
        }
        int length = architecture.maxLength();
        int from = Math.max(0, events - length);
        int t = events - from;
        int[][] ids = new int[1 + architecture.features().size()][length];
        float[] mask = new float[length];
        rows(sequences).write(index, from, events, ids, mask, 0);
        float[][][][] out;
        try (NDManager batch = network.newBatchManager()) {
            NDList x = new NDList(ids.length + 1);
            for (int[] column : ids) {
                x.add(batch.create(column, new Shape(1, length)));
            }
            x.add(batch.create(mask, new Shape(1, length)));
            SequenceNetwork net = (SequenceNetwork) network.block();
            // a store over the frozen parameters as they are: nothing is copied, no gradient is recorded
            NDList layers = net.attentionWeights(new ParameterStore(network.manager(), false), x);
            int heads = architecture.heads();
            int skip = length - t; // left padding: the events fill the last t slots
            out = new float[layers.size()][heads][t][t];
            for (int l = 0; l < layers.size(); l++) {
                float[] flat = layers.get(l).toFloatArray(); // (1, heads, length, length)
                for (int h = 0; h < heads; h++) {
                    for (int q = 0; q < t; q++) {
                        System.arraycopy(flat, (h * length + skip + q) * length + skip, out[l][h][q], 0, t);
                    }
                }
            }
        }
        List<String> items = new ArrayList<>(t);
        for (int p = from; p < events; p++) {
            items.add(sequences.itemVocabulary().id(sequences.items()[index][p]));
        }
        return new AttentionWeights(items, out);
    }

    /** A predictor for one thread (not thread-safe itself); cheap to make. */
    public SequencePredictor newPredictor() {
        return new SequencePredictor(this);
    }

    /** What the model predicts. */
    public SequenceTask task() {
        return architecture.task();
    }

    /** The network's shape. */
    public SequenceArchitecture architecture() {
        return architecture;
    }

    /** The options the model was trained with (after {@link #load}: a quiet progress listener). */
    public SequenceOptions options() {
        return options;
    }

    /** The item vocabulary: input items are matched to it by id, and scores are over it. */
    public IdIndex items() {
        return items;
    }

    /** The category vocabulary, when the model embeds categories. */
    public Optional<IdIndex> categories() {
        return Optional.ofNullable(categories);
    }

    /** The training history (empty for a loaded model). */
    public Optional<TrainingResult> training() {
        return Optional.ofNullable(training);
    }

    /** Where the model runs now. */
    public DeviceReport device() {
        return network.device();
    }

    /** Native arrays alive under the model's manager: its parameters plus any batch running right now. */
    public int liveArrays() {
        return network.liveArrays();
    }

    /** Saves to model folder {@code dir} (see {@link SequenceFile}). */
    public void save(Path dir) throws IOException {
        SequenceFile.save(this, dir);
    }

    /** Loads a model saved with {@link #save}, choosing the device from the property, environment or AUTO. */
    public static SequenceModel load(Path dir) throws IOException {
        return SequenceFile.load(dir, null);
    }

    /** Loads a model saved with {@link #save} onto the device {@code policy} chooses. */
    public static SequenceModel load(Path dir, DevicePolicy policy) throws IOException {
        return SequenceFile.load(dir, policy);
    }

    Network network() {
        return network;
    }

    int[] itemCategories() {
        return itemCategories;
    }

    /** The row writer for {@code sequences} in this model's vocabularies. */
    SequenceRows rows(EventSequences sequences) {
        return new SequenceRows(architecture, items, categories, itemCategories, sequences);
    }

    void require(SequenceTask task, String method) {
        if (architecture.task() != task) {
            throw new IllegalStateException(method + "() needs a " + task + " model; this one is "
                    + architecture.task());
        }
    }

    /** Frees the native memory; later predictions fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        network.close();
    }

    @Override
    public String toString() {
        return "SequenceModel[" + architecture.task() + ", " + options.describe() + ", " + items.size() + " items, "
                + network.device().used() + "]";
    }
}
