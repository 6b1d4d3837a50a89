package ai.behavior.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The scores of k-means over a range of k, from {@link Segmentation#chooseK}.
 *
 * <pre>{@code
 * KSelection s = Segmentation.chooseK(rows, 2, 8, KMeansOptions.of(2), System.out);
 * KMeansResult km = KMeans.fit(rows, KMeansOptions.of(s.best().k()));
 * }</pre>
 *
 * @param scores one score per k, ascending k
 */
public record KSelection(List<KScore> scores) {
    /** Copies the list; it must not be empty. */
    public KSelection {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no k was scored");
        }
        scores = List.copyOf(scores);
    }

    /** The k with the highest silhouette (the smallest such k on a tie). */
    public KScore best() {
        KScore best = scores.get(0);
        for (KScore s : scores) {
            if (s.silhouette() > best.silhouette()) {
                best = s;
            }
        }
        return best;
    }

    /** One line per k, as {@link Segmentation#chooseK} prints them, the best marked with {@code *}. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        KScore best = best();
        for (KScore s : scores) {
            sb.append(line(s)).append(s == best ? "  *" : "").append('\n');
        }
        return sb.toString();
    }

    static String line(KScore s) {
        return String.format(Locale.ROOT, "k=%-3d silhouette=%.4f inertia=%.4f", s.k(), s.silhouette(),
                s.inertia());
    }
}
