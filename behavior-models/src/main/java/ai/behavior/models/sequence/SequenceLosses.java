package ai.behavior.models.sequence;

import ai.behavior.models.train.Losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;

/**
 * The losses of sequence models over {@link SequenceNetwork}'s outputs {@code [states (B,T,d), last (B,d), head]}.
 * Next-item losses average over real positions only (the mask in the labels).
 */
final class SequenceLosses {
    private SequenceLosses() {
    }

    /**
     * Full-softmax cross-entropy: at each real position, {@code -log softmax(state · catalogue)[target]}. Labels
     * {@code [targets (B,T) int32, mask (B,T) float32]}.
     */
    static NDArray fullSoftmax(NDList predictions, NDList labels) {
        NDArray states = predictions.get(0);
        NDArray catalogue = predictions.get(2);
        long b = states.getShape().get(0);
        long t = states.getShape().get(1);
        long d = states.getShape().get(2);
        NDArray logits = states.reshape(b * t, d).matMul(catalogue);
        NDArray target = labels.get(0).reshape(b * t, 1).toType(DataType.INT64, false);
        NDArray picked = logits.logSoftmax(1).gather(target, 1).reshape(b * t);
        NDArray mask = labels.get(1).reshape(b * t);
        return picked.mul(mask).sum().neg().div(mask.sum());
    }

    /**
     * Binary cross-entropy of the target against sampled negatives: {@code softplus(-s+) + sum softplus(s-)} at
     * each real position. Labels {@code [targets (B,T), mask (B,T), negatives (B,T,N)]}.
     */
    static NDArray sampledBce(NDList predictions, NDList labels) {
        NDArray states = predictions.get(0);
        NDArray table = predictions.get(2).transpose(); // (items, d)
        NDArray positive = Embedding.embedding(labels.get(0), table, SparseFormat.DENSE).head(); // (B,T,d)
        NDArray negative = Embedding.embedding(labels.get(2), table, SparseFormat.DENSE).head(); // (B,T,N,d)
        NDArray pos = states.mul(positive).sum(new int[] {2});
        NDArray neg = states.expandDims(2).mul(negative).sum(new int[] {3});
        NDArray perPosition = Activation.softPlus(pos.neg()).add(Activation.softPlus(neg).sum(new int[] {2}));
        NDArray mask = labels.get(1);
        return perPosition.mul(mask).sum().div(mask.sum());
    }

    /** Binary cross-entropy on the logits: {@code mean(softplus(z) - y z)}; labels {@code [y (B)]}. */
    static NDArray binaryCrossEntropy(NDList predictions, NDList labels) {
        return Losses.binaryCrossEntropyOnLogits(predictions.get(2), labels.head());
    }
}
