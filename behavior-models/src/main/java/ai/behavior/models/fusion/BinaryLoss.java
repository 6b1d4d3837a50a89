package ai.behavior.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/** Binary cross-entropy on logits {@code z} against 0/1 labels {@code y}, both {@code (batch)}. */
final class BinaryLoss {
    private BinaryLoss() {
    }

    /** {@code mean(softplus(z) - y z)}: stable for any z. */
    static NDArray onLogits(NDList predictions, NDList labels) {
        NDArray z = predictions.head();
        NDArray y = labels.head();
        return Activation.softPlus(z).sub(z.mul(y)).mean();
    }
}
