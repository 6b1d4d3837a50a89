package ai.behavior.feature.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dense columns ranked by their mutual information with the label, highest first (ties by column order),
 * with the label's entropy: the most any column can reach, since {@code I(X; Y) <= H(Y)}.
 *
 * <pre>{@code
 * MutualInformationRanking r = MutualInformationSelect.rank(dense, rows, names, labels, 10);
 * System.out.println(r.describe());
 * }</pre>
 *
 * @param entries      one per column, highest mutual information first
 * @param labelEntropy entropy of the labels in nats
 * @param classes      number of distinct label values
 * @param bins         equal-frequency bins per column
 * @param rows         rows the estimate used
 */
public record MutualInformationRanking(List<Entry> entries, double labelEntropy, int classes, int bins, int rows) {
    /** Copies the entries. */
    public MutualInformationRanking {
        entries = List.copyOf(entries);
    }

    /**
     * One column's score.
     *
     * @param name   the column's name
     * @param column the column's position in the dense block
     * @param nats   plug-in mutual information with the label, in nats
     */
    public record Entry(String name, int column, double nats) {
    }

    /** The column names in rank order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(entries.size());
        entries.forEach(e -> out.add(e.name()));
        return out;
    }

    /** The mutual information of column {@code name}. */
    public double nats(String name) {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                return e.nats();
            }
        }
        throw new IllegalArgumentException("no column '" + name + "' in the ranking; columns are " + names());
    }

    /** One line: the label entropy then each column with its score, in rank order. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Entry e : entries) {
            parts.add(String.format(Locale.ROOT, "%s %.4f", e.name(), e.nats()));
        }
        return String.format(Locale.ROOT, "mutual information in nats (%d rows, %d classes, H(label) %.4f, %d "
                + "equal-frequency bins): %s", rows, classes, labelEntropy, bins, String.join(", ", parts));
    }
}
