package ai.behavior.feature.numeric;

import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.modelfile.ModelFileException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fitted {@link MissingValues} rule for one column: the policy and the value it learned to put in place of a
 * missing input. Shared by the numeric transforms so every one of them treats NaN and infinity alike and saves
 * the rule under the same parameter names as {@link Standardize}.
 */
record Imputation(String column, MissingValues policy, double fill) {

    /** Learns the fill value of {@code policy} from the present training values of {@code c}. */
    static Imputation fit(NumericColumn c, MissingValues policy) {
        return new Imputation(c.name(), policy, policy.fill(c.sortedPresent()));
    }

    /** Whether a missing value is an error. */
    boolean rejects() {
        return policy.strategy() == MissingValues.Strategy.REJECT;
    }

    /** Whether the transform adds a 0/1 "missing" output after its own outputs. */
    boolean indicator() {
        return policy.indicator();
    }

    /** The value that stands in for the missing input {@code x} of row {@code row}; throws under REJECT. */
    double replace(int row, double x) {
        if (rejects()) {
            throw MissingValues.rejected(column, row, x);
        }
        return fill;
    }

    /** {@code outputs} plus the indicator output when the policy asks for one. */
    List<FeatureSpec> withIndicator(List<FeatureSpec> outputs) {
        List<FeatureSpec> all = new ArrayList<>(outputs);
        if (indicator()) {
            all.add(new FeatureSpec.Dense("missing"));
        }
        return List.copyOf(all);
    }

    /** Writes the rule under the parameter names {@link Standardize} uses ("fill" is 0 under REJECT). */
    void save(StepWriter out) {
        out.param("fill", rejects() ? 0 : fill);
        policy.save(out);
    }

    static Imputation load(StepReader in, String column) throws ModelFileException {
        return new Imputation(column, MissingValues.load(in), in.doubleParam("fill"));
    }

    /** For {@code describe()}: what a missing input becomes. */
    String describe() {
        if (rejects()) {
            return "missing -> error";
        }
        return String.format(Locale.ROOT, "missing -> %.6g (%s)%s", fill,
                policy.strategy().name().toLowerCase(Locale.ROOT), indicator() ? " + indicator" : "");
    }
}
