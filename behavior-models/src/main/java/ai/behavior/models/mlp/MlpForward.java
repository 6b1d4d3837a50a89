package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.models.nn.EmbeddingTable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained MLP's inference pass with as few native calls as the network allows. Per batch: the rows go into
 * ONE input array {@code [dense | embedding_1 | ... | embedding_k]} gathered in Java (the embedding tables are
 * frozen, so their Java copies are exact), then one native call per layer: {@code linear} with the frozen weight
 * and bias arrays held here, {@code relu}, normalisation layers through DJL's own block, dropout skipped (it is the
 * identity at inference). No parameter-store look-ups, no device queries, no split, reshape or concatenation.
 * The body sees bit for bit the input the general {@link MlpBlock#forward} path builds with {@code concat}, so both
 * paths compute the same layers on the same numbers.
 *
 * <p>Immutable and safe to share between threads: the parameter arrays are only read.
 */
final class MlpForward {
    /**
     * Embedding tables whose values add up to more than this stay native only (the general path is used):
     * the Java copies cost as much heap as the tables' native memory.
     */
    static final long MAX_JAVA_TABLE_VALUES = 1L << 24;

    private final int denseWidth;
    private final int inputWidth;
    private final float[][] tables;
    private final int[] dims;
    private final Step[] steps;

    /** One layer of the body. */
    private interface Step {
        NDArray apply(NDArray x);
    }

    private MlpForward(int denseWidth, int inputWidth, float[][] tables, int[] dims, Step[] steps) {
        this.denseWidth = denseWidth;
        this.inputWidth = inputWidth;
        this.tables = tables;
        this.dims = dims;
        this.steps = steps;
    }

    /** Total number of embedding values of {@code block} (what the Java copies would hold). */
    static long tableValues(MlpBlock block) {
        long n = 0;
        for (EmbeddingTable t : block.embeddings()) {
            n += (long) t.rows() * t.dim();
        }
        return n;
    }

    /**
     * The lean pass over an initialised, frozen {@code block} whose parameters live in {@code manager}: copies the
     * embedding tables into Java and keeps references to the layers' parameter arrays.
     */
    static MlpForward of(MlpBlock block, NDManager manager) {
        MlpArchitecture a = block.architecture();
        List<EmbeddingTable> embeddings = block.embeddings();
        float[][] tables = new float[embeddings.size()][];
        int[] dims = new int[embeddings.size()];
        for (int c = 0; c < tables.length; c++) {
            tables[c] = embeddings.get(c).getParameters().valueAt(0).getArray().toFloatArray();
            dims[c] = embeddings.get(c).dim();
        }
        ParameterStore store = new ParameterStore(manager, false);
        List<Step> steps = new ArrayList<>();
        for (MlpBlock.Layer layer : block.layers()) {
            switch (layer.kind()) {
                case LINEAR: {
                    NDArray w = parameter(layer.block(), "weight");
                    NDArray b = parameter(layer.block(), "bias");
                    steps.add(x -> Linear.linear(x, w, b).head());
                    break;
                }
                case RELU:
                    steps.add(Activation::relu);
                    break;
                case NORM: {
                    Block norm = layer.block();
                    steps.add(x -> norm.forward(store, new NDList(x), false).head());
                    break;
                }
                case DROPOUT:
                    break; // the identity at inference
                default:
                    throw new IllegalStateException("unknown layer kind " + layer.kind());
            }
        }
        return new MlpForward(a.denseWidth(), a.inputWidth(), tables, dims, steps.toArray(new Step[0]));
    }

    private static NDArray parameter(Block block, String name) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().equals(name)) {
                return p.getValue().getArray();
            }
        }
        throw new IllegalStateException("layer " + block + " has no parameter '" + name + "'");
    }

    /** Width of the joined input row. */
    int inputWidth() {
        return inputWidth;
    }

    /**
     * Writes rows {@code [from, to)} of {@code m} as joined input rows {@code [dense | embeddings]} into {@code out}
     * from its position on. Categorical indices must already be checked to lie in range.
     */
    void gather(FeatureMatrix m, int from, int to, FloatBuffer out) {
        float[] dense = m.denseBlock();
        int[] codes = m.categoricalBlock();
        int k = tables.length;
        if (k == 0) {
            out.put(dense, from * denseWidth, (to - from) * denseWidth);
            return;
        }
        for (int r = from; r < to; r++) {
            out.put(dense, r * denseWidth, denseWidth);
            int base = r * k;
            for (int c = 0; c < k; c++) {
                int d = dims[c];
                out.put(tables[c], codes[base + c] * d, d);
            }
        }
    }

    /** The body on joined input rows {@code x} {@code (n, inputWidth)}: raw scores {@code (n, 1)}. */
    NDArray forward(NDArray x) {
        NDArray h = x;
        for (Step s : steps) {
            h = s.apply(h);
        }
        return h;
    }
}
