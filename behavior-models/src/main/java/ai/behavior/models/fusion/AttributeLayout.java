package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.mlp.MlpArchitecture;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * The attribute part of a model input: the dense columns of a feature schema plus one embedding per categorical
 * column, sized by the MLP's rule ({@link MlpArchitecture#embeddingDim}). {@link AttributeBlock} turns such rows
 * into one vector of {@link #width()} values.
 *
 * <pre>{@code
 * AttributeLayout a = AttributeLayout.of(matrix.schema(), 16);
 * int width = a.width();   // dense columns + sum of embedding sizes
 * }</pre>
 *
 * @param denseWidth    number of dense columns
 * @param cardinalities each categorical column's cardinality (index 0 = unknown), in column order
 * @param embeddingDims each categorical column's embedding size, in the same order
 */
public record AttributeLayout(int denseWidth, List<Integer> cardinalities, List<Integer> embeddingDims) {
    /** Copies the lists and checks them. */
    public AttributeLayout {
        cardinalities = List.copyOf(cardinalities);
        embeddingDims = List.copyOf(embeddingDims);
        if (denseWidth < 0) {
            throw new IllegalArgumentException("denseWidth must be >= 0, got " + denseWidth);
        }
        if (cardinalities.size() != embeddingDims.size()) {
            throw new IllegalArgumentException(cardinalities.size() + " categorical columns but "
                    + embeddingDims.size() + " embedding sizes");
        }
        for (int c = 0; c < cardinalities.size(); c++) {
            if (cardinalities.get(c) < 1 || embeddingDims.get(c) < 1) {
                throw new IllegalArgumentException("categorical column " + c + " needs cardinality >= 1 and "
                        + "embedding size >= 1, got " + cardinalities.get(c) + " and " + embeddingDims.get(c));
            }
        }
    }

    /**
     * The layout of the dense and categorical columns of {@code schema} (its sequence columns are ignored), with
     * embeddings of at most {@code maxEmbeddingDim}.
     */
    public static AttributeLayout of(FeatureSchema schema, int maxEmbeddingDim) {
        List<Integer> cards = new ArrayList<>();
        List<Integer> dims = new ArrayList<>();
        for (FeatureSpec.Categorical c : schema.categorical()) {
            cards.add(c.cardinality());
            dims.add(MlpArchitecture.embeddingDim(c.cardinality(), maxEmbeddingDim));
        }
        return new AttributeLayout(schema.denseWidth(), cards, dims);
    }

    /** Number of categorical columns. */
    public int categoricalWidth() {
        return cardinalities.size();
    }

    /** Width of the output vector: dense columns plus all embedding sizes. */
    public int width() {
        return denseWidth + embeddingDims.stream().mapToInt(Integer::intValue).sum();
    }

    /** Input shapes for batch size 1: dense {@code (1, denseWidth)}, categorical {@code (1, k)}. */
    public Shape[] inputShapes() {
        return new Shape[] {new Shape(1, denseWidth), new Shape(1, categoricalWidth())};
    }
}
