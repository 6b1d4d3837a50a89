package ai.behavior.models.sequence;

import ai.behavior.models.predict.Network;
import ai.behavior.models.train.BatchArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Runs a {@link SequenceModel} from one thread: it writes each batch of sequences into reusable padded buffers,
 * hands them to the engine in one copy per array, runs the batch in a sub-manager of the model's manager and
 * closes it before returning. Not thread-safe: use one per thread, or the model's methods, which do that for you.
 *
 * <pre>{@code
 * SequencePredictor p = model.newPredictor();
 * float[] scores = new float[n * model.items().size()]; p.scores(sequences, 0, n, scores, 0);
 * }</pre>
 */
public final class SequencePredictor {
    /** Sequences per batch. */
    static final int BATCH = 256;

    private final SequenceModel model;
    private final Network network;
    private final BatchArrays scratch = new BatchArrays();
    private final int length;
    private final int[][] ids;
    private final float[] mask;
    private SequenceRows rows;

    SequencePredictor(SequenceModel model) {
        this.model = model;
        this.network = model.network();
        SequenceArchitecture a = model.architecture();
        this.length = a.maxLength();
        this.ids = new int[1 + a.features().size()][BATCH * length];
        this.mask = new float[BATCH * length];
    }

    /**
     * Next-item scores of sequences {@code [from, to)}: {@code numItems} floats per sequence (the item codes of
     * {@link SequenceModel#items()}), written at {@code out[offset..]}.
     */
    public void scores(EventSequences sequences, int from, int to, float[] out, int offset) {
        model.require(SequenceTask.NEXT_ITEM, "scores");
        int items = model.architecture().numItems();
        check(sequences, from, to, out.length, offset, (long) items);
        run(sequences, from, to, (outputs, start, n) -> {
            NDArray scores = outputs.get(1).matMul(outputs.get(2));
            float[] part = scores.toFloatArray();
            System.arraycopy(part, 0, out, offset + (start - from) * items, part.length);
        });
    }

    /** Classification probabilities of sequences {@code [from, to)} into {@code out[offset..]}. */
    public void predict(EventSequences sequences, int from, int to, double[] out, int offset) {
        model.require(SequenceTask.CLASSIFICATION, "predict");
        check(sequences, from, to, out.length, offset, 1);
        run(sequences, from, to, (outputs, start, n) -> {
            float[] z = outputs.get(2).toFloatArray();
            for (int i = 0; i < n; i++) {
                out[offset + start - from + i] = 1.0 / (1.0 + Math.exp(-z[i]));
            }
        });
    }

    /** The sequence representations (the state after the last event, {@code dim} floats each) into {@code out}. */
    public void encode(EventSequences sequences, int from, int to, float[] out, int offset) {
        int d = model.architecture().dim();
        check(sequences, from, to, out.length, offset, d);
        run(sequences, from, to, (outputs, start, n) -> {
            float[] part = outputs.get(1).toFloatArray();
            System.arraycopy(part, 0, out, offset + (start - from) * d, part.length);
        });
    }

    private interface BatchResult {
        void accept(NDList outputs, int start, int n);
    }

    private void run(EventSequences sequences, int from, int to, BatchResult result) {
        if (rows == null || rows.sequences() != sequences) {
            rows = model.rows(sequences);
        }
        for (int start = from; start < to; start += BATCH) {
            int end = Math.min(to, start + BATCH);
            int n = end - start;
            for (int r = start; r < end; r++) {
                int events = sequences.items()[r].length;
                if (events == 0) {
                    throw new IllegalArgumentException("sequence " + r + " is empty: a sequence model needs at least "
                            + "one event per sequence");
                }
                rows.write(r, Math.max(0, events - length), events, ids, mask, r - start);
            }
            try (NDManager batch = network.newBatchManager()) {
                NDList x = new NDList(ids.length + 1);
                for (int i = 0; i < ids.length; i++) {
                    x.add(scratch.ints(batch, i, ids[i], length, null, 0, n));
                }
                x.add(scratch.floats(batch, ids.length, mask, length, null, 0, n));
                result.accept(network.forward(x), start, n);
            }
        }
    }

    private static void check(EventSequences s, int from, int to, int outLength, int offset, long perRow) {
        if (from < 0 || to > s.size() || from > to) {
            throw new IndexOutOfBoundsException("sequences [" + from + ", " + to + ") of " + s.size());
        }
        if (offset < 0 || outLength - offset < (to - from) * perRow) {
            throw new IndexOutOfBoundsException("out has room for " + (outLength - offset) + " values from " + offset
                    + ", need " + (to - from) * perRow);
        }
    }
}
