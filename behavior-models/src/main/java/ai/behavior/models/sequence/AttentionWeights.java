package ai.behavior.models.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a Transformer sequence model attends to for one sequence: per layer and head, the weight each input
 * position (query) gives every earlier-or-same position (key), over the sequence's last {@code maxLength} events.
 * From {@link SequenceModel#attention}.
 *
 * <pre>{@code
 * AttentionWeights w = model.attention(histories, 0);   // one user's sequence
 * System.out.println(w.describeLast(5));               // the 5 events the last position attends to most
 * }</pre>
 *
 * <p>Each row {@code weights[layer][head][query]} sums to 1; entries with {@code key > query} (the future) are
 * exactly 0, and padding never receives weight (it is not among the positions at all). In layer 0 the weights
 * are over the events themselves; in later layers over positions that already mixed in earlier events, so read
 * those as "which positions", not strictly "which events". The last position is the one whose state scores the
 * next item.
 *
 * @param items   the item id of each input position, oldest first
 * @param weights {@code [layer][head][query][key]}, each {@code items.size()} square
 */
public record AttentionWeights(List<String> items, float[][][][] weights) {
    /** Checks the shape. */
    public AttentionWeights {
        items = List.copyOf(items);
        Objects.requireNonNull(weights, "weights");
        int t = items.size();
        for (float[][][] layer : weights) {
            for (float[][] head : layer) {
                if (head.length != t || Arrays.stream(head).anyMatch(row -> row.length != t)) {
                    throw new IllegalArgumentException("attention weights must be " + t + " x " + t
                            + " per head, one row and column per item");
                }
            }
        }
    }

    /** Number of layers. */
    public int layers() {
        return weights.length;
    }

    /** Heads per layer. */
    public int heads() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** Number of input positions (events). */
    public int length() {
        return items.size();
    }

    /** The weight query position {@code query} gives key position {@code key} in {@code layer}, {@code head}. */
    public float weight(int layer, int head, int query, int key) {
        return weights[layer][head][query][key];
    }

    /**
     * The {@code k} key positions the last position attends to most in {@code layer}, {@code head}, largest weight
     * first (ties: the more recent position first).
     */
    public int[] topOfLast(int layer, int head, int k) {
        float[] row = weights[layer][head][length() - 1];
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < row.length; j++) {
            order.add(j);
        }
        order.sort((a, b) -> row[a] != row[b] ? Float.compare(row[b], row[a]) : Integer.compare(b, a));
        return order.stream().limit(Math.max(0, k)).mapToInt(Integer::intValue).toArray();
    }

    /**
     * One line per layer and head: the {@code k} events the last position attends to most, as {@code item@position
     * weight} (position 0 = the oldest event shown, {@code length() - 1} = the most recent).
     */
    public String describeLast(int k) {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < layers(); l++) {
            for (int h = 0; h < heads(); h++) {
                s.append(String.format(Locale.ROOT, "layer %d head %d:", l, h));
                for (int j : topOfLast(l, h, k)) {
                    float w = weights[l][h][length() - 1][j];
                    s.append(String.format(Locale.ROOT, "  %s@%d %.3f", items.get(j), j, w));
                }
                s.append('\n');
            }
        }
        return s.toString();
    }
}
