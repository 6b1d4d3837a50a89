package ai.behavior.models.mlp;

import ai.behavior.models.nn.EmbeddingTable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The tabular MLP network: inputs are a dense block {@code (batch, denseWidth)} float32 and a categorical block
 * {@code (batch, k)} int32; each categorical column goes through its own {@link EmbeddingTable}, the embeddings
 * are concatenated with the dense columns, then {@code Linear -> [BatchNorm | LayerNorm] -> ReLU -> [Dropout]}
 * per hidden layer and a final {@code Linear(1)}. The output is one raw score per row, shape {@code (batch)}: a
 * logit for binary tasks, a standardised value for regression.
 *
 * <pre>{@code
 * MlpBlock net = new MlpBlock(MlpArchitecture.of(schema, options));
 * net.initialize(manager, DataType.FLOAT32, arch.inputShapes());
 * }</pre>
 */
public final class MlpBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final MlpArchitecture architecture;
    private final List<EmbeddingTable> embeddings = new ArrayList<>();
    private final SequentialBlock body;
    /** The body's layers in order, with what each is, for the lean inference pass ({@link MlpForward}). */
    private final List<Layer> layers = new ArrayList<>();

    /** What a layer of the body is. */
    enum LayerKind { LINEAR, NORM, RELU, DROPOUT }

    /** One layer of the body. */
    record Layer(LayerKind kind, Block block) {
    }

    /** The network for {@code architecture}. */
    public MlpBlock(MlpArchitecture architecture) {
        super(VERSION);
        this.architecture = architecture;
        List<Integer> dims = architecture.embeddingDims();
        for (int c = 0; c < dims.size(); c++) {
            int rows = architecture.categorical().get(c).cardinality();
            embeddings.add(addChildBlock("emb" + c, new EmbeddingTable(rows, dims.get(c))));
        }
        SequentialBlock seq = new SequentialBlock();
        for (int units : architecture.hidden()) {
            add(seq, LayerKind.LINEAR, Linear.builder().setUnits(units).build());
            if (architecture.norm() == MlpNorm.BATCH) {
                add(seq, LayerKind.NORM, BatchNorm.builder().optAxis(1).build());
            } else if (architecture.norm() == MlpNorm.LAYER) {
                add(seq, LayerKind.NORM, LayerNorm.builder().axis(1).build());
            }
            add(seq, LayerKind.RELU, Activation.reluBlock());
            if (architecture.dropout() > 0) {
                add(seq, LayerKind.DROPOUT, Dropout.builder().optRate((float) architecture.dropout()).build());
            }
        }
        add(seq, LayerKind.LINEAR, Linear.builder().setUnits(1).build());
        this.body = addChildBlock("body", seq);
    }

    private void add(SequentialBlock seq, LayerKind kind, Block layer) {
        seq.add(layer);
        layers.add(new Layer(kind, layer));
    }

    /** The architecture this network was built from. */
    public MlpArchitecture architecture() {
        return architecture;
    }

    /** The embedding tables, one per categorical column in column order. */
    List<EmbeddingTable> embeddings() {
        return embeddings;
    }

    /** The layers after the embeddings, in order. */
    List<Layer> layers() {
        return layers;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray dense = inputs.get(0);
        NDArray categorical = inputs.get(1);
        NDList parts = new NDList(embeddings.size() + 1);
        if (architecture.denseWidth() > 0) {
            parts.add(dense);
        }
        if (!embeddings.isEmpty()) {
            NDList columns = embeddings.size() == 1 ? new NDList(categorical)
                    : categorical.split(embeddings.size(), 1);
            for (int c = 0; c < embeddings.size(); c++) {
                NDArray ids = columns.get(c).reshape(-1);
                parts.add(embeddings.get(c).forward(store, new NDList(ids), training).head());
            }
        }
        NDArray x = parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 1);
        NDArray out = body.forward(store, new NDList(x), training).head();
        return new NDList(out.reshape(-1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (EmbeddingTable e : embeddings) {
            e.initialize(manager, dataType, new Shape(1));
        }
        body.initialize(manager, dataType, new Shape(1, architecture.inputWidth()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }
}
