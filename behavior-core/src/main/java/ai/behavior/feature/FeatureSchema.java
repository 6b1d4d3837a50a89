package ai.behavior.feature;

import ai.behavior.modelfile.ModelFileException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output columns of a fitted pipeline: dense floats, categorical indices and sequences, each in the order
 * the steps produce them. A {@link FeatureMatrix} stores the three kinds in three blocks laid out by this
 * schema.
 *
 * <pre>{@code
 * FeatureSchema s = fitted.schema();
 * int inputs = s.denseWidth();                                  // MLP input width
 * int brandVocabulary = s.categorical("brand").cardinality();   // embedding rows
 * }</pre>
 */
public final class FeatureSchema {
    private final List<FeatureSpec> features;
    private final List<FeatureSpec.Dense> dense = new ArrayList<>();
    private final List<FeatureSpec.Categorical> categorical = new ArrayList<>();
    private final List<FeatureSpec.Sequence> sequences = new ArrayList<>();
    private final Map<String, Integer> position = new HashMap<>();

    /** A schema of {@code features}; names must be unique. */
    public FeatureSchema(List<FeatureSpec> features) {
        this.features = List.copyOf(features);
        Set<String> seen = new HashSet<>();
        for (FeatureSpec f : this.features) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("feature name '" + f.name() + "' appears twice");
            }
            if (f instanceof FeatureSpec.Dense d) {
                position.put(d.name(), dense.size());
                dense.add(d);
            } else if (f instanceof FeatureSpec.Categorical c) {
                position.put(c.name(), categorical.size());
                categorical.add(c);
            } else if (f instanceof FeatureSpec.Sequence q) {
                position.put(q.name(), sequences.size());
                sequences.add(q);
            }
        }
    }

    /**
     * The features in order as JSON, so a saved model can check that the rows it is given are laid out like its
     * training rows.
     *
     * <pre>{@code
     * layout.add("schema", schema.toJson());
     * FeatureSchema again = FeatureSchema.fromJson(layout.get("schema"), "fusion.json");
     * }</pre>
     */
    public JsonArray toJson() {
        return SpecJson.write(features);
    }

    /**
     * Reads {@link #toJson()} back.
     *
     * @param file what the JSON came from, named in errors
     * @throws ModelFileException naming the file and the bad entry
     */
    public static FeatureSchema fromJson(JsonElement json, String file) throws ModelFileException {
        List<FeatureSpec> specs = SpecJson.read(json, file);
        try {
            return new FeatureSchema(specs);
        } catch (IllegalArgumentException ex) {
            throw new ModelFileException(file + ": " + ex.getMessage());
        }
    }

    /** Every feature in step order. */
    public List<FeatureSpec> features() {
        return features;
    }

    /** The dense features, in column order of the dense block. */
    public List<FeatureSpec.Dense> dense() {
        return List.copyOf(dense);
    }

    /** The categorical features, in column order of the categorical block. */
    public List<FeatureSpec.Categorical> categorical() {
        return List.copyOf(categorical);
    }

    /** The sequence features. */
    public List<FeatureSpec.Sequence> sequences() {
        return List.copyOf(sequences);
    }

    /** Number of dense columns. */
    public int denseWidth() {
        return dense.size();
    }

    /** Number of categorical columns. */
    public int categoricalWidth() {
        return categorical.size();
    }

    /** Names of the dense columns in order. */
    public List<String> denseNames() {
        return dense.stream().map(FeatureSpec::name).toList();
    }

    /** Column of dense feature {@code name} in the dense block. */
    public int denseIndex(String name) {
        return indexOf(name, FeatureSpec.Dense.class);
    }

    /** Column of categorical feature {@code name} in the categorical block. */
    public int categoricalIndex(String name) {
        return indexOf(name, FeatureSpec.Categorical.class);
    }

    /** Position of sequence feature {@code name} among the sequences. */
    public int sequenceIndex(String name) {
        return indexOf(name, FeatureSpec.Sequence.class);
    }

    /** The categorical feature called {@code name}. */
    public FeatureSpec.Categorical categorical(String name) {
        return categorical.get(categoricalIndex(name));
    }

    /** The sequence feature called {@code name}. */
    public FeatureSpec.Sequence sequence(String name) {
        return sequences.get(sequenceIndex(name));
    }

    private int indexOf(String name, Class<? extends FeatureSpec> kind) {
        Integer p = position.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no feature '" + name + "'; features are "
                    + features.stream().map(FeatureSpec::name).toList());
        }
        FeatureSpec f = features.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        if (!kind.isInstance(f)) {
            throw new IllegalArgumentException("feature '" + name + "' is " + f.getClass().getSimpleName()
                    + ", not " + kind.getSimpleName());
        }
        return p;
    }

    @Override
    public String toString() {
        return "FeatureSchema[dense " + dense.size() + ", categorical " + categorical.size() + ", sequences "
                + sequences.size() + "]";
    }
}
