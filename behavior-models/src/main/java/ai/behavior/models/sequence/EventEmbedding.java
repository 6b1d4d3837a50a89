package ai.behavior.models.sequence;

import ai.behavior.models.nn.EmbeddingTable;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedding of each event: the item's row of the (tied) item table plus, for each attribute the architecture
 * uses, its own table, added ({@link InputCombine#SUM}) or concatenated ({@link InputCombine#CONCAT}).
 *
 * <pre>{@code
 * EventEmbedding e = new EventEmbedding(architecture);
 * NDArray x = e.forward(store, new NDList(items, types), training).head();   // (B, T, inputWidth)
 * }</pre>
 *
 * <p>Inputs: {@code (B, T)} int32 rows, items first, then the used attributes in {@link EventFeature} order;
 * output {@code (B, T, inputWidth)}.
 */
public final class EventEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;
    private final SequenceArchitecture architecture;
    private final EmbeddingTable items;
    private final List<EmbeddingTable> attributes = new ArrayList<>();

    /** The embeddings {@code architecture} asks for. */
    public EventEmbedding(SequenceArchitecture architecture) {
        super(VERSION);
        this.architecture = architecture;
        this.items = addChildBlock("items", new EmbeddingTable(architecture.itemRows(), architecture.dim()));
        int side = architecture.attributeDim();
        for (EventFeature f : architecture.features()) {
            int rows;
            if (f == EventFeature.TYPE) {
                rows = SequenceArchitecture.TYPE_ROWS;
            } else if (f == EventFeature.GAP) {
                rows = GapBuckets.ROWS;
            } else {
                rows = architecture.categoryRows();
            }
            attributes.add(addChildBlock(f.name().toLowerCase(java.util.Locale.ROOT), new EmbeddingTable(rows, side)));
        }
    }

    /** The item table {@code (itemRows, dim)}: rows {@code 2..} are the catalogue the next-item head scores. */
    public NDArray itemWeight(ParameterStore store, Device device, boolean training) {
        return items.weight(store, device, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = items.forward(store, new NDList(inputs.get(0)), training).head();
        if (attributes.isEmpty()) {
            return new NDList(x);
        }
        NDList parts = new NDList(x);
        for (int i = 0; i < attributes.size(); i++) {
            NDArray a = attributes.get(i).forward(store, new NDList(inputs.get(1 + i)), training).head();
            if (architecture.combine() == InputCombine.SUM) {
                x = x.add(a);
            } else {
                parts.add(a);
            }
        }
        return new NDList(architecture.combine() == InputCombine.SUM ? x : NDArrays.concat(parts, 2));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        items.initialize(manager, dataType, new Shape(1));
        for (EmbeddingTable t : attributes) {
            t.initialize(manager, dataType, new Shape(1));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].addAll(new Shape(architecture.inputWidth()))};
    }
}
