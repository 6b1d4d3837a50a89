package ai.behavior.linear;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FittedPipeline;

/**
 * L2-regularised logistic regression on a {@link FeatureMatrix}: one weight per dense column and, for each
 * categorical column, one weight per index (the one-hot model without building the one-hot matrix). Fitted
 * by L-BFGS on mean log-loss; the intercept is not penalised. A baseline for purchase, click and churn tasks.
 *
 * <pre>{@code
 * LogisticModel m = LogisticRegression.fit(train.training(), labels, LogisticOptions.defaults(), train.pipeline());
 * double[] p = m.predict(testFrame);
 * }</pre>
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /** Fits on {@code x} with 0/1 labels {@code y}; the pipeline (may be null) is kept with the model. */
    public static LogisticModel fit(FeatureMatrix x, double[] y, LogisticOptions options, FittedPipeline pipeline) {
        int n = x.rows();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit logistic regression on an empty training set");
        }
        if (y.length != n) {
            throw new IllegalArgumentException(y.length + " labels for " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + y[i] + "; logistic regression needs 0 or 1");
            }
        }
        FeatureSchema schema = x.schema();
        int dense = schema.denseWidth();
        int cats = schema.categoricalWidth();
        int[] catOffset = new int[cats + 1];
        catOffset[0] = 1 + dense;
        for (int c = 0; c < cats; c++) {
            catOffset[c + 1] = catOffset[c] + schema.categorical().get(c).cardinality();
        }
        double[] w = new double[catOffset[cats]];
        float[] xd = x.denseBlock();
        int[] xc = x.categoricalBlock();
        double l2 = options.l2();
        Lbfgs.Objective objective = (weights, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double z = weights[0];
                int base = i * dense;
                for (int j = 0; j < dense; j++) {
                    z += weights[1 + j] * xd[base + j];
                }
                for (int c = 0; c < cats; c++) {
                    z += weights[catOffset[c] + xc[i * cats + c]];
                }
                // log(1 + e^z) - y z, computed stably
                loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
                double r = sigmoid(z) - y[i];
                grad[0] += r;
                for (int j = 0; j < dense; j++) {
                    grad[1 + j] += r * xd[base + j];
                }
                for (int c = 0; c < cats; c++) {
                    grad[catOffset[c] + xc[i * cats + c]] += r;
                }
            }
            double penalty = 0;
            for (int j = 0; j < grad.length; j++) {
                grad[j] /= n;
                if (j > 0) {
                    grad[j] += l2 * weights[j];
                    penalty += weights[j] * weights[j];
                }
            }
            return loss / n + 0.5 * l2 * penalty;
        };
        Lbfgs.Result r = Lbfgs.minimize(objective, w, 10, options.maxIterations(), options.tolerance());
        float[][] catWeights = new float[cats][];
        for (int c = 0; c < cats; c++) {
            catWeights[c] = new float[catOffset[c + 1] - catOffset[c]];
            for (int k = 0; k < catWeights[c].length; k++) {
                catWeights[c][k] = (float) w[catOffset[c] + k];
            }
        }
        float[] denseWeights = new float[dense];
        for (int j = 0; j < dense; j++) {
            denseWeights[j] = (float) w[1 + j];
        }
        return new LogisticModel(schema, w[0], denseWeights, catWeights, options,
                new LogisticModel.Training(r.iterations(), r.value(), r.converged()), pipeline);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
