package ai.behavior.models.fusion;

import ai.behavior.models.nn.EmbeddingTable;
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
 * User (or item, or pair) attributes as one vector: inputs dense {@code (batch, denseWidth)} float32 and
 * categorical {@code (batch, k)} int32; each categorical column goes through its own {@link EmbeddingTable} and
 * the output is {@code [dense | emb_1 | ... | emb_k]}, shape {@code (batch, layout.width())}.
 *
 * <pre>{@code
 * AttributeBlock users = new AttributeBlock(AttributeLayout.of(schema, 16));
 * NDArray a = users.forward(store, new NDList(dense, categorical), training).head();
 * }</pre>
 */
public final class AttributeBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final AttributeLayout layout;
    private final List<EmbeddingTable> embeddings = new ArrayList<>();

    /** The block for {@code layout}; the layout must have at least one output value. */
    public AttributeBlock(AttributeLayout layout) {
        super(VERSION);
        if (layout.width() == 0) {
            throw new IllegalArgumentException("the attributes have no dense or categorical column");
        }
        this.layout = layout;
        for (int c = 0; c < layout.categoricalWidth(); c++) {
            embeddings.add(addChildBlock("emb" + c, new EmbeddingTable(layout.cardinalities().get(c),
                    layout.embeddingDims().get(c))));
        }
    }

    /** The layout. */
    public AttributeLayout layout() {
        return layout;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray dense = inputs.get(0);
        NDArray categorical = inputs.get(1);
        NDList parts = new NDList(embeddings.size() + 1);
        if (layout.denseWidth() > 0) {
            parts.add(dense);
        }
        if (!embeddings.isEmpty()) {
            NDList columns = embeddings.size() == 1 ? new NDList(categorical) : categorical.split(embeddings.size(), 1);
            for (int c = 0; c < embeddings.size(); c++) {
                parts.add(embeddings.get(c).forward(store, new NDList(columns.get(c).reshape(-1)), training).head());
            }
        }
        return new NDList(parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (EmbeddingTable e : embeddings) {
            e.initialize(manager, dataType, new Shape(1));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), layout.width())};
    }
}
