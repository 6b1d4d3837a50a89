package ai.behavior.feature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An unfitted feature pipeline: named column transforms, each producing its own outputs, followed by
 * optional reducers over the whole dense block (PCA, selection). Fitting learns every statistic from the
 * training frame alone and returns an immutable {@link FittedPipeline}.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder().add("price", Standardize.of("price")).add("brand", OneHot.of("brand")).build();
 * FittedPipeline fitted = p.fit(train);
 * FeatureMatrix x = fitted.transform(test);
 * }</pre>
 */
public final class Pipeline {
    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,47}");

    private final List<Step> steps;
    private final List<Reduction> reductions;

    private Pipeline(List<Step> steps, List<Reduction> reductions) {
        this.steps = List.copyOf(steps);
        this.reductions = List.copyOf(reductions);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The column steps in order. */
    public List<Step> steps() {
        return steps;
    }

    /** The reducers in order. */
    public List<Reduction> reductions() {
        return reductions;
    }

    /** Fits without labels (seed 42). */
    public FittedPipeline fit(FeatureFrame train) {
        return fit(train, FitContext.unsupervised());
    }

    /** Fits on {@code train}; labels in {@code context} feed target encoding and supervised selection. */
    public FittedPipeline fit(FeatureFrame train, FitContext context) {
        return fitTransform(train, context).pipeline();
    }

    /**
     * Fits on {@code train} and returns the training matrix too. Out-of-fold transforms (target encoding)
     * give training rows values computed without their own fold's labels; {@link FittedPipeline#transform}
     * on new data uses the statistics of the whole training set.
     */
    public Fit fitTransform(FeatureFrame train, FitContext context) {
        Objects.requireNonNull(train, "train");
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a pipeline on an empty training set");
        }
        if (context.labels() != null && context.labels().length != train.rows()) {
            throw new IllegalArgumentException(context.labels().length + " labels for " + train.rows() + " rows");
        }
        List<String> names = new ArrayList<>();
        List<Transform> fitted = new ArrayList<>();
        for (Step s : steps) {
            for (String in : s.transformer().inputs()) {
                if (!train.has(in)) {
                    throw new IllegalArgumentException("step '" + s.name() + "' reads column '" + in
                            + "', which the training frame lacks; it has " + train.columnNames());
                }
            }
            names.add(s.name());
            fitted.add(s.transformer().fit(train, context));
        }
        FittedPipeline columnsOnly = new FittedPipeline(names, fitted, List.of(), List.of(), train.rows());
        if (reductions.isEmpty()) {
            return new Fit(columnsOnly, columnsOnly.transformTraining(train));
        }
        FeatureMatrix before = columnsOnly.transformTraining(train);
        float[] block = before.denseBlock();
        List<String> denseNames = before.schema().denseNames();
        List<String> reducerNames = new ArrayList<>();
        List<FittedReducer> reducers = new ArrayList<>();
        for (Reduction r : reductions) {
            FittedReducer f = r.reducer().fit(block, train.rows(), denseNames, context);
            if (f.inputWidth() != denseNames.size()) {
                throw new IllegalStateException("reducer '" + r.name() + "' reads " + f.inputWidth()
                        + " columns but the dense block has " + denseNames.size());
            }
            block = FittedPipeline.reduceBlock(f, block, train.rows());
            denseNames = f.outputNames();
            reducerNames.add(r.name());
            reducers.add(f);
        }
        FittedPipeline full = new FittedPipeline(names, fitted, reducerNames, reducers, train.rows());
        return new Fit(full, full.transformTraining(train));
    }

    /** A named column step. */
    public record Step(String name, Transformer transformer) {
    }

    /** A named dense reducer. */
    public record Reduction(String name, DenseReducer reducer) {
    }

    /** A fitted pipeline and its transformed training frame. */
    public record Fit(FittedPipeline pipeline, FeatureMatrix training) {
    }

    /** Adds steps in order; names must be unique and match {@code [A-Za-z0-9_][A-Za-z0-9_-]*}. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private final List<Reduction> reductions = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        /** Adds a column step. */
        public Builder add(String name, Transformer transformer) {
            checkName(name);
            steps.add(new Step(name, Objects.requireNonNull(transformer, "transformer")));
            return this;
        }

        /** Adds a reducer applied after all column steps, in the order added. */
        public Builder reduce(String name, DenseReducer reducer) {
            checkName(name);
            reductions.add(new Reduction(name, Objects.requireNonNull(reducer, "reducer")));
            return this;
        }

        /** The pipeline. */
        public Pipeline build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a pipeline needs at least one column step");
            }
            return new Pipeline(steps, reductions);
        }

        private void checkName(String name) {
            if (name == null || !STEP_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("step name must match " + STEP_NAME + ", got '" + name + "'");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("step name '" + name + "' used twice");
            }
        }
    }
}
