package ai.behavior.models.mlp;

/** What an MLP predicts. */
public enum MlpTask {
    /** A probability of a 0/1 label: sigmoid output, binary cross-entropy loss, validation ROC AUC. */
    BINARY,
    /** A real value: identity output on standardised labels, mean squared error loss, validation RMSE. */
    REGRESSION
}
