package ai.behavior.analysis;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Permutation feature importance for any predictor (after Breiman and scikit-learn's
 * {@code permutation_importance}): how much a metric drops when one input feature is shuffled across rows,
 * which breaks its link to the truth while keeping its distribution. Model-agnostic, measured on held-out
 * data, and honest about what the model uses; correlated features share their importance, so shuffle them
 * together as a group.
 *
 * <pre>{@code
 * ImportanceResult r = PermutationImportance.of(ImportanceMetric.auc()).withRepeats(5).withSeed(7)
 *         .compute(model::predict, testMatrix, testLabels);
 * }</pre>
 *
 * <p>Every feature of the matrix's schema is one unit by default: a dense column, a categorical column, or a
 * sequence feature (its ids and mask rows move together). {@link #withGroup} shuffles several features with
 * one permutation and reports them under one name (e.g. the one-hot outputs of one raw column). Repeat
 * {@code r} uses the same permutation for every feature (drawn from the seed), so the features are compared on
 * equal terms and the result is reproducible. The input matrix is not changed: shuffles go into a copy,
 * restored after each feature.
 *
 * @param metric  the metric whose drop is measured
 * @param repeats shuffles per feature, {@code >= 1}
 * @param seed    seed of the permutations
 * @param groups  named groups of features shuffled together, in insertion order
 */
public record PermutationImportance(ImportanceMetric metric, int repeats, long seed,
                                    Map<String, List<String>> groups) {
    /** Default number of shuffles per feature, as scikit-learn's. */
    public static final int DEFAULT_REPEATS = 5;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates and copies. */
    public PermutationImportance {
        Objects.requireNonNull(metric, "metric");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groups.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    /** Importance by {@code metric} with {@value #DEFAULT_REPEATS} repeats and the default seed. */
    public static PermutationImportance of(ImportanceMetric metric) {
        return new PermutationImportance(metric, DEFAULT_REPEATS, DEFAULT_SEED, Map.of());
    }

    /** A copy with another number of repeats. */
    public PermutationImportance withRepeats(int value) {
        return new PermutationImportance(metric, value, seed, groups);
    }

    /** A copy with another seed. */
    public PermutationImportance withSeed(long value) {
        return new PermutationImportance(metric, repeats, value, groups);
    }

    /** A copy that shuffles {@code features} together and reports them as {@code name}. */
    public PermutationImportance withGroup(String name, String... features) {
        if (name == null || name.isBlank() || features.length == 0) {
            throw new IllegalArgumentException("a group needs a name and at least one feature");
        }
        Map<String, List<String>> g = new LinkedHashMap<>(groups);
        if (g.put(name, List.of(features)) != null) {
            throw new IllegalArgumentException("group '" + name + "' given twice");
        }
        return new PermutationImportance(metric, repeats, seed, g);
    }

    /**
     * The importance of every feature (or group) of {@code x} for {@code model}.
     *
     * @param truth one target per row of {@code x}, as the metric expects it (0/1 for AUC and log-loss)
     * @throws IllegalArgumentException if {@code x} has no rows, the truth or predictions have the wrong length,
     *                                  or a group names an unknown feature or a feature twice
     */
    public ImportanceResult compute(MatrixPredictor model, FeatureMatrix x, double[] truth) {
        int n = x.rows();
        if (n < 2) {
            throw new IllegalArgumentException("permutation importance needs at least 2 rows, got " + n);
        }
        if (truth.length != n) {
            throw new IllegalArgumentException(truth.length + " truth values for " + n + " rows");
        }
        List<Unit> units = units(x.schema());
        FeatureMatrix work = copy(x);
        double baseline = metric.score(truth, predict(model, work));
        List<FeatureImportance> out = new ArrayList<>(units.size());
        int[] perm = new int[n];
        for (Unit unit : units) {
            SplittableRandom random = new SplittableRandom(seed); // same permutations for every unit
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                shuffle(perm, random);
                unit.permute(x, work, perm);
                drops[r] = metric.drop(baseline, metric.score(truth, predict(model, work)));
            }
            unit.restore(x, work);
            out.add(summary(unit.name, drops));
        }
        out.sort(Comparator.comparingDouble(FeatureImportance::mean).reversed()
                .thenComparing(FeatureImportance::feature));
        return new ImportanceResult(metric.name(), baseline, repeats, seed, out);
    }

    private static double[] predict(MatrixPredictor model, FeatureMatrix x) {
        double[] p = model.predict(x);
        if (p == null || p.length != x.rows()) {
            throw new IllegalArgumentException("the predictor returned " + (p == null ? "null" : p.length
                    + " predictions") + " for " + x.rows() + " rows");
        }
        return p;
    }

    private static FeatureImportance summary(String name, double[] drops) {
        double mean = 0;
        for (double d : drops) {
            mean += d;
        }
        mean /= drops.length;
        double ss = 0;
        for (double d : drops) {
            ss += (d - mean) * (d - mean);
        }
        return new FeatureImportance(name, mean, Math.sqrt(ss / drops.length), drops);
    }

    /** A uniform random permutation of 0..n-1 (Fisher-Yates from the identity). */
    private static void shuffle(int[] perm, SplittableRandom random) {
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
    }

    private List<Unit> units(FeatureSchema schema) {
        Map<String, FeatureSpec> byName = new LinkedHashMap<>();
        schema.features().forEach(f -> byName.put(f.name(), f));
        Set<String> grouped = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        groups.forEach((name, members) -> {
            Unit u = new Unit(name);
            for (String m : members) {
                FeatureSpec f = byName.get(m);
                if (f == null) {
                    throw new IllegalArgumentException("group '" + name + "' names feature '" + m
                            + "', which the matrix does not have; features are " + byName.keySet());
                }
                if (!grouped.add(m)) {
                    throw new IllegalArgumentException("feature '" + m + "' is in two groups");
                }
                u.add(schema, f);
            }
            units.add(u);
        });
        for (FeatureSpec f : schema.features()) {
            if (!grouped.contains(f.name())) {
                if (byName.containsKey(f.name()) && groups.containsKey(f.name())) {
                    throw new IllegalArgumentException("group name '" + f.name() + "' clashes with a feature");
                }
                Unit u = new Unit(f.name());
                u.add(schema, f);
                units.add(u);
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("the matrix has no features to permute");
        }
        return units;
    }

    private static FeatureMatrix copy(FeatureMatrix x) {
        FeatureMatrix c = new FeatureMatrix(x.schema(), x.rows());
        System.arraycopy(x.denseBlock(), 0, c.denseBlock(), 0, x.denseBlock().length);
        System.arraycopy(x.categoricalBlock(), 0, c.categoricalBlock(), 0, x.categoricalBlock().length);
        for (int s = 0; s < x.schema().sequences().size(); s++) {
            System.arraycopy(x.sequenceIds(s), 0, c.sequenceIds(s), 0, x.sequenceIds(s).length);
            System.arraycopy(x.sequenceMask(s), 0, c.sequenceMask(s), 0, x.sequenceMask(s).length);
        }
        return c;
    }

    /** Columns shuffled together: dense columns, categorical columns and sequence features. */
    private static final class Unit {
        final String name;
        final List<Integer> dense = new ArrayList<>();
        final List<Integer> categorical = new ArrayList<>();
        final List<Integer> sequences = new ArrayList<>();

        Unit(String name) {
            this.name = name;
        }

        void add(FeatureSchema schema, FeatureSpec f) {
            if (f instanceof FeatureSpec.Dense) {
                dense.add(schema.denseIndex(f.name()));
            } else if (f instanceof FeatureSpec.Categorical) {
                categorical.add(schema.categoricalIndex(f.name()));
            } else {
                sequences.add(schema.sequenceIndex(f.name()));
            }
        }

        /** Writes row {@code perm[i]} of the source's columns into row {@code i} of the work matrix. */
        void permute(FeatureMatrix source, FeatureMatrix work, int[] perm) {
            int n = perm.length;
            int dw = source.schema().denseWidth();
            for (int c : dense) {
                float[] from = source.denseBlock();
                float[] to = work.denseBlock();
                for (int i = 0; i < n; i++) {
                    to[i * dw + c] = from[perm[i] * dw + c];
                }
            }
            int cw = source.schema().categoricalWidth();
            for (int c : categorical) {
                int[] from = source.categoricalBlock();
                int[] to = work.categoricalBlock();
                for (int i = 0; i < n; i++) {
                    to[i * cw + c] = from[perm[i] * cw + c];
                }
            }
            for (int s : sequences) {
                int len = source.schema().sequences().get(s).maxLength();
                for (int i = 0; i < n; i++) {
                    System.arraycopy(source.sequenceIds(s), perm[i] * len, work.sequenceIds(s), i * len, len);
                    System.arraycopy(source.sequenceMask(s), perm[i] * len, work.sequenceMask(s), i * len, len);
                }
            }
        }

        /** Puts the source's own values back. */
        void restore(FeatureMatrix source, FeatureMatrix work) {
            int[] identity = new int[source.rows()];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            permute(source, work, identity);
        }
    }
}
