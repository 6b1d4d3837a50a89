package ai.behavior.feature.categorical;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.modelfile.ModelFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fitted categories of an encoder with their training counts, in index order: by descending training
 * count, ties by label in {@link String#compareTo} order (so a refit on the same data gives the same
 * indices, whatever order the rows came in).
 */
final class Vocabulary {
    private final String[] labels;
    private final int[] counts;
    private final IdIndex index;

    private Vocabulary(String[] labels, int[] counts) {
        this.labels = labels;
        this.counts = counts;
        this.index = IdIndex.of(labels);
    }

    /**
     * The labels with a count of at least {@code minCount}, the {@code maxCategories} most frequent of them
     * when there are more. Keeping no label at all (every row missing, or every label rarer than
     * {@code minCount}) is a clear error rather than an encoder that only says "unknown".
     */
    static Vocabulary select(LabelCounts c, int minCount, int maxCategories) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < c.labels().length; i++) {
            if (c.counts()[i] >= minCount) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.<Integer>comparingInt(i -> -c.counts()[i]).thenComparing(i -> c.labels()[i]));
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("column '" + c.column() + "' keeps no label: of " + c.rows()
                    + " training rows " + c.missing() + " are missing and no label occurs " + minCount
                    + " or more times");
        }
        int n = Math.min(kept.size(), maxCategories);
        String[] labels = new String[n];
        int[] counts = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = c.labels()[kept.get(k)];
            counts[k] = c.counts()[kept.get(k)];
        }
        return new Vocabulary(labels, counts);
    }

    /** Number of categories. */
    int size() {
        return labels.length;
    }

    /** The label of category {@code i}. */
    String label(int i) {
        return labels[i];
    }

    /** The training count of category {@code i}. */
    int count(int i) {
        return counts[i];
    }

    /** The category of {@code label}, or -1. */
    int indexOf(String label) {
        return index.indexOf(label);
    }

    /** The labels in index order. */
    List<String> labels() {
        return List.of(labels);
    }

    /** Per code of {@code frameVocabulary}, the category with that label or -1 (one lookup per code). */
    int[] byFrameCode(IdIndex frameVocabulary) {
        int[] map = new int[frameVocabulary.size()];
        for (int c = 0; c < map.length; c++) {
            map[c] = index.indexOf(frameVocabulary.id(c));
        }
        return map;
    }

    /** The first few labels with counts, for {@code describe()}. */
    String head(int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(max, labels.length); i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(labels[i]).append("\" (").append(counts[i]).append(')');
        }
        return s.append(labels.length > max ? ", ..." : "").toString();
    }

    void save(StepWriter out) throws IOException {
        out.strings("vocab", labels).ints("counts", counts);
    }

    static Vocabulary load(StepReader in) throws IOException {
        String[] labels = in.strings("vocab");
        int[] counts = in.ints("counts");
        if (labels.length != counts.length) {
            throw new ModelFileException("pipeline step '" + in.step() + "': " + labels.length + " labels but "
                    + counts.length + " counts");
        }
        return new Vocabulary(labels, counts);
    }
}
