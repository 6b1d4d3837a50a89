package ai.behavior.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/**
 * Reusable mean losses for {@link TrainingTask}s, as DJL arrays that autograd differentiates. Both take the
 * network's raw outputs (for binary tasks: logits, never probabilities) and the labels, shapes equal.
 *
 * <pre>{@code
 * TrainingTask task = new TrainingTask("clicks", net, shapes, rows, Losses::binaryCrossEntropyOnLogits, auc);
 * NDArray loss = Losses.binaryCrossEntropyOnLogits(logits, labels);   // a scalar
 * }</pre>
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Binary cross-entropy on logits, averaged: per element the numerically stable
     * {@code max(x, 0) - x y + log1p(exp(-|x|))}, which equals {@code -y log sigmoid(x) - (1 - y) log(1 - sigmoid(x))}
     * but never overflows and never takes the log of 0, so it is finite for any finite logit (|x| = 100 gives 100
     * or about 4e-44, not infinity or NaN). Labels {@code y} are 0/1 (or soft targets in [0, 1]).
     *
     * <p>Computed as {@code softplus(x) - x y}: PyTorch's softplus is {@code log1p(exp(x))} for {@code x <= 20} (no
     * overflow there) and {@code x} above (where {@code log1p(exp(-x)) < 3e-9} is below float32 resolution), so it
     * is the stable form to float32 rounding, as is its gradient {@code sigmoid(x) - y}; it takes half the native
     * operations of spelling the form out, which halves the loss's share of a training step.
     *
     * @param logits raw scores {@code x}, any shape
     * @param labels targets {@code y}, the same shape
     * @return the mean over all elements, a scalar
     */
    public static NDArray binaryCrossEntropyOnLogits(NDArray logits, NDArray labels) {
        return Activation.softPlus(logits).sub(logits.mul(labels)).mean();
    }

    /**
     * {@link #binaryCrossEntropyOnLogits(NDArray, NDArray)} of the first prediction and the first label array: the
     * form {@link TrainingTask.LossFunction} takes.
     */
    public static NDArray binaryCrossEntropyOnLogits(NDList predictions, NDList labels) {
        return binaryCrossEntropyOnLogits(predictions.head(), labels.head());
    }

    /** Mean squared error of the first prediction against the first label array (same shape), a scalar. */
    public static NDArray meanSquaredError(NDList predictions, NDList labels) {
        return predictions.head().sub(labels.head()).square().mean();
    }
}
