package ai.behavior.models.twotower;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * The softmax loss of a two-tower batch. Predictions: user embeddings {@code U (b, d)} and item embeddings
 * {@code V (m, d)} whose first {@code b} rows are the rows' positive items; labels: a bias {@code (b, m)} built by
 * {@link PairBatches} (minus log-Q where corrected; a large negative value on every column that is not a
 * candidate of the row: an accidental hit of the row's own item, or, for sampled softmax, another row's
 * positive). Loss: {@code mean_i(-log softmax_j(U V^T / temperature + bias)[i, i])}.
 */
final class TwoTowerLoss {
    private TwoTowerLoss() {
    }

    /** The loss at {@code temperature}. */
    static NDArray softmax(NDList predictions, NDList labels, double temperature) {
        NDArray u = predictions.get(0);
        NDArray v = predictions.get(1);
        NDArray bias = labels.get(0);
        long b = u.getShape().get(0);
        NDArray logits = u.matMul(v.transpose()).div((float) temperature).add(bias);
        NDArray logp = logits.logSoftmax(1).get(new NDIndex(":, 0:" + b));
        NDArray eye = u.getManager().eye((int) b);
        return logp.mul(eye).sum(new int[] {1}).neg().mean();
    }
}
