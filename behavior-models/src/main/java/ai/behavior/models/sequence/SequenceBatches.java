package ai.behavior.models.sequence;

import ai.behavior.models.train.BatchArrays;
import ai.behavior.models.train.BatchSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Padded sequence rows, built once, as batches for the training loop and for validation: inputs are the id
 * blocks of {@link SequenceRows} and the mask; labels are per-position next-item targets (with the mask and,
 * for the sampled loss, freshly drawn negatives) or one binary label per sequence. Not thread-safe.
 */
final class SequenceBatches implements BatchSource {
    private final int length;
    private final int[][] ids;
    private final float[] mask;
    private final int rows;
    private final int[] targets;        // next item: (rows, length) item codes, 0 at padding; else null
    private final float[] labels;       // classification: one per row; else null
    private final int negatives;        // sampled loss: negatives per position; else 0
    private final int numItems;
    private final int[] owner;          // next item: the sequence each row came from
    private final int[][] interacted;   // sampled loss: sorted item codes of each sequence
    private final SplittableRandom random;
    private final BatchArrays scratch = new BatchArrays();
    private int[] negativeBuffer = new int[0];

    private SequenceBatches(int length, int[][] ids, float[] mask, int rows, int[] targets, float[] labels,
                            int negatives, int numItems, int[] owner, int[][] interacted, long seed) {
        this.length = length;
        this.ids = ids;
        this.mask = mask;
        this.rows = rows;
        this.targets = targets;
        this.labels = labels;
        this.negatives = negatives;
        this.numItems = numItems;
        this.owner = owner;
        this.interacted = interacted;
        this.random = new SplittableRandom(seed);
    }

    /**
     * One row per sequence holding its last {@code maxLength} events, with {@code labels} (one per sequence, may
     * be null for inference).
     *
     * @throws IllegalArgumentException naming the first empty sequence
     */
    static SequenceBatches lastEvents(SequenceRows source, float[] labels) {
        EventSequences s = source.sequences();
        int n = s.size();
        int length = source.maxLength();
        int[][] ids = new int[source.idArrays()][n * length];
        float[] mask = new float[n * length];
        for (int r = 0; r < n; r++) {
            int events = s.items()[r].length;
            if (events == 0) {
                throw new IllegalArgumentException("sequence " + r + " is empty: a sequence model needs at least one "
                        + "event per sequence");
            }
            source.write(r, Math.max(0, events - length), events, ids, mask, r);
        }
        return new SequenceBatches(length, ids, mask, n, null, labels, 0, 0, null, null, 0);
    }

    /**
     * Next-item training windows over every sequence of {@code source} (a user's training history): each window
     * holds up to {@code maxLength} consecutive events as inputs and, at each position, the following event as the
     * target; windows are cut from the end backwards so that every event after the first is a target exactly
     * once. With {@code negatives > 0}, each batch's labels carry that many negatives per position, drawn
     * uniformly from the items outside the sequence (seeded by {@code seed}).
     */
    static SequenceBatches windows(SequenceRows source, int numItems, int negatives, long seed) {
        EventSequences s = source.sequences();
        int length = source.maxLength();
        int count = 0;
        for (int[] seq : s.items()) {
            for (int end = seq.length; end >= 2; end = Math.max(0, end - 1 - length) + 1) {
                count++;
            }
        }
        int[][] ids = new int[source.idArrays()][count * length];
        float[] mask = new float[count * length];
        int[] targets = new int[count * length];
        int[] owner = new int[count];
        int w = 0;
        for (int r = 0; r < s.size(); r++) {
            int n = s.items()[r].length;
            for (int end = n; end >= 2; end = Math.max(0, end - 1 - length) + 1) {
                int start = Math.max(0, end - 1 - length);
                source.write(r, start, end - 1, ids, mask, w);
                int first = w * length + (source.leftPadded() ? length - (end - 1 - start) : 0);
                for (int p = start + 1; p < end; p++) {
                    targets[first + p - start - 1] = source.itemRow(r, p) - SequenceArchitecture.FIRST_CODE_ROW;
                }
                owner[w++] = r;
            }
        }
        int[][] interacted = null;
        if (negatives > 0) {
            interacted = new int[s.size()][];
            for (int r = 0; r < s.size(); r++) {
                int n = s.items()[r].length;
                int[] codes = new int[n];
                for (int p = 0; p < n; p++) {
                    codes[p] = source.itemRow(r, p) - SequenceArchitecture.FIRST_CODE_ROW; // -1 = unknown
                }
                interacted[r] = Arrays.stream(codes).filter(c -> c >= 0).sorted().distinct().toArray();
            }
        }
        return new SequenceBatches(length, ids, mask, count, targets, null, negatives, numItems, owner,
                interacted, seed);
    }

    @Override
    public int size() {
        return rows;
    }

    @Override
    public NDList inputs(NDManager batch, int[] order, int from, int to) {
        NDList x = new NDList(ids.length + 1);
        for (int i = 0; i < ids.length; i++) {
            x.add(scratch.ints(batch, i, ids[i], length, order, from, to));
        }
        x.add(scratch.floats(batch, ids.length, mask, length, order, from, to));
        return x;
    }

    @Override
    public NDList labels(NDManager batch, int[] order, int from, int to) {
        int slot = ids.length + 1;
        if (labels != null) {
            return new NDList(scratch.floatVector(batch, slot, labels, order, from, to));
        }
        if (targets == null) {
            throw new IllegalStateException("these batches have no labels");
        }
        NDList y = new NDList(scratch.ints(batch, slot, targets, length, order, from, to),
                scratch.floats(batch, slot + 1, mask, length, order, from, to));
        if (negatives > 0) {
            int n = to - from;
            int per = length * negatives;
            if (negativeBuffer.length < n * per) {
                negativeBuffer = new int[n * per];
            }
            for (int i = 0; i < n; i++) {
                int row = order == null ? from + i : order[from + i];
                fillNegatives(row, i * per);
            }
            NDArray neg = scratch.ints(batch, slot + 2, negativeBuffer, per, null, 0, n);
            y.add(neg.reshape(n, length, negatives));
        }
        return y;
    }

    /** Negatives for every real position of {@code row}, written at {@code offset} of the buffer. */
    private void fillNegatives(int row, int offset) {
        int[] seen = interacted[owner[row]];
        for (int p = 0; p < length; p++) {
            int o = offset + p * negatives;
            if (mask[row * length + p] == 0f) {
                Arrays.fill(negativeBuffer, o, o + negatives, 0);
                continue;
            }
            for (int k = 0; k < negatives; k++) {
                int item = random.nextInt(numItems);
                // a user who has seen most of the catalogue would make rejection slow: give up after 32 tries
                for (int tries = 0; tries < 32 && Arrays.binarySearch(seen, item) >= 0; tries++) {
                    item = random.nextInt(numItems);
                }
                negativeBuffer[o + k] = item;
            }
        }
    }
}
