package ai.behavior.models.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/** The MLP's losses on raw scores {@code z} and labels {@code y}, both of shape {@code (batch)}. */
final class MlpLosses {
    private MlpLosses() {
    }

    /** Binary cross-entropy on logits: {@code mean(softplus(z) - y z)}, stable for any z. */
    static NDArray binaryCrossEntropy(NDList predictions, NDList labels) {
        NDArray z = predictions.head();
        NDArray y = labels.head();
        return Activation.softPlus(z).sub(z.mul(y)).mean();
    }

    /** Mean squared error. */
    static NDArray meanSquaredError(NDList predictions, NDList labels) {
        return predictions.head().sub(labels.head()).square().mean();
    }
}
