package ai.behavior.linear;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A fitted logistic regression: immutable and thread-safe. Predicts probabilities from a feature matrix, or
 * from raw frames when it carries its fitted pipeline, and saves model and pipeline together in one
 * checksummed folder.
 *
 * <pre>{@code
 * double[] p = model.predict(testFrame);
 * model.save(dir);  LogisticModel again = LogisticModel.load(dir);
 * }</pre>
 */
public final class LogisticModel {
    /** Model type in saved folders. */
    public static final String MODEL_TYPE = "logistic-regression";
    private static final int VERSION = 1;

    private final FeatureSchema schema;
    private final double intercept;
    private final float[] denseWeights;
    private final float[][] categoricalWeights;
    private final LogisticOptions options;
    private final Training training;
    private final FittedPipeline pipeline;

    LogisticModel(FeatureSchema schema, double intercept, float[] denseWeights, float[][] categoricalWeights,
                  LogisticOptions options, Training training, FittedPipeline pipeline) {
        this.schema = schema;
        this.intercept = intercept;
        this.denseWeights = denseWeights;
        this.categoricalWeights = categoricalWeights;
        this.options = options;
        this.training = training;
        this.pipeline = pipeline;
        if (pipeline != null && !pipeline.schema().features().equals(schema.features())) {
            throw new IllegalArgumentException("the pipeline's schema differs from the training matrix's");
        }
    }

    /**
     * How the fit went.
     *
     * @param iterations L-BFGS iterations
     * @param objective  final objective (mean log-loss plus penalty)
     * @param converged  whether the tolerance was reached within the iteration cap
     */
    public record Training(int iterations, double objective, boolean converged) {
    }

    /** Probability of the positive class for row {@code row} of {@code x}. */
    public double predict(FeatureMatrix x, int row) {
        checkSchema(x);
        return score(x, row);
    }

    private double score(FeatureMatrix x, int row) {
        int dense = denseWeights.length;
        double z = intercept;
        for (int j = 0; j < dense; j++) {
            z += denseWeights[j] * x.dense(row, j);
        }
        for (int c = 0; c < categoricalWeights.length; c++) {
            z += categoricalWeights[c][x.categorical(row, c)];
        }
        return LogisticRegression.sigmoid(z);
    }

    /** Probabilities for every row of {@code x}. */
    public double[] predict(FeatureMatrix x) {
        checkSchema(x);
        double[] p = new double[x.rows()];
        for (int r = 0; r < p.length; r++) {
            p[r] = score(x, r);
        }
        return p;
    }

    /** Probabilities for raw rows, through the model's own pipeline. */
    public double[] predict(FeatureFrame raw) {
        if (pipeline == null) {
            throw new IllegalStateException("this model was fitted without a pipeline; transform the frame first");
        }
        return predict(pipeline.transform(raw));
    }

    /** The intercept. */
    public double intercept() {
        return intercept;
    }

    /** Weight of dense feature {@code name}. */
    public double weight(String name) {
        return denseWeights[schema.denseIndex(name)];
    }

    /** The training summary. */
    public Training training() {
        return training;
    }

    /** The pipeline, or {@code null}. */
    public FittedPipeline pipeline() {
        return pipeline;
    }

    /** Saves weights, options and (when present) the pipeline into {@code dir}. */
    public void save(Path dir) throws IOException {
        ModelWriter w = ModelWriter.create(dir, MODEL_TYPE, VERSION).options(options)
                .provenance("iterations", Integer.toString(training.iterations()))
                .provenance("objective", Double.toString(training.objective()))
                .provenance("converged", Boolean.toString(training.converged()));
        w.doubles("intercept", new double[] {intercept});
        w.floats("dense_weights", denseWeights, 1, denseWeights.length);
        for (int c = 0; c < categoricalWeights.length; c++) {
            w.floats("categorical_weights." + c, categoricalWeights[c], 1, categoricalWeights[c].length);
        }
        w.strings("features", schema.features().stream().map(FeatureSpec::name).toArray(String[]::new));
        if (pipeline == null) {
            throw new IllegalStateException("save needs the pipeline the model was fitted with, so it can be "
                    + "served from raw data; fit with a pipeline");
        }
        pipeline.writeTo(w, "pipeline.");
        w.commit();
    }

    /** Loads a model saved with {@link #save}. */
    public static LogisticModel load(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, MODEL_TYPE, VERSION);
        FittedPipeline pipeline = FittedPipeline.readFrom(r, "pipeline.");
        FeatureSchema schema = pipeline.schema();
        List<String> names = List.of(r.strings("features"));
        if (!names.equals(schema.features().stream().map(FeatureSpec::name).toList())) {
            throw new ModelFileException(dir + ": weights were saved for features " + names
                    + " but the pipeline produces " + schema.features());
        }
        float[] dense = r.floats("dense_weights").data();
        float[][] cats = new float[schema.categoricalWidth()][];
        for (int c = 0; c < cats.length; c++) {
            cats[c] = r.floats("categorical_weights." + c).data();
            if (cats[c].length != schema.categorical().get(c).cardinality()) {
                throw new ModelFileException(dir + ": categorical weights " + c + " have " + cats[c].length
                        + " entries, the feature has " + schema.categorical().get(c).cardinality());
            }
        }
        if (dense.length != schema.denseWidth()) {
            throw new ModelFileException(dir + ": " + dense.length + " dense weights for " + schema.denseWidth()
                    + " dense features");
        }
        Training t = new Training(Integer.parseInt(r.provenance("iterations")),
                Double.parseDouble(r.provenance("objective")), Boolean.parseBoolean(r.provenance("converged")));
        return new LogisticModel(schema, r.doubles("intercept")[0], dense, cats, r.options(LogisticOptions.class), t,
                pipeline);
    }

    private void checkSchema(FeatureMatrix x) {
        if (x.schema() != schema && !x.schema().features().equals(schema.features())) {
            throw new IllegalArgumentException("the matrix has other features than the model was fitted on");
        }
    }

    @Override
    public String toString() {
        return "LogisticModel[" + schema + ", " + training + "]";
    }
}
