package ai.behavior.models.train;

/**
 * The validation metric the {@link TrainingLoop} watches after every epoch for early stopping and for choosing
 * the checkpoint to restore: AUC for binary tasks, RMSE for regression, NDCG@10 or HR@10 for next-item models.
 *
 * <pre>{@code
 * Validation auc = Validation.of("val_auc", true, net -> RocAuc.of(truth, toDoubles(net.outputs(source, 4096))));
 * }</pre>
 */
public interface Validation {
    /** The metric's name in progress reports ("val_auc"). */
    String metricName();

    /** Whether a larger value is better. */
    boolean higherIsBetter();

    /** Computes the metric with the network as it is now; must return a finite value. */
    double evaluate(Inference network);

    /** A validation from a name, a direction and a function. */
    static Validation of(String name, boolean higherIsBetter, java.util.function.ToDoubleFunction<Inference> metric) {
        return new Validation() {
            @Override
            public String metricName() {
                return name;
            }

            @Override
            public boolean higherIsBetter() {
                return higherIsBetter;
            }

            @Override
            public double evaluate(Inference network) {
                return metric.applyAsDouble(network);
            }
        };
    }
}
