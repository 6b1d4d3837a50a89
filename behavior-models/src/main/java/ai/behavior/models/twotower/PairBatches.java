package ai.behavior.models.twotower;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.models.train.BatchArrays;
import ai.behavior.models.train.BatchSource;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Positive (user, item) pairs as two-tower training batches. Inputs: the user rows of the batch's pairs, then
 * the item rows: the batch's positive items first (row {@code i}'s positive is item row {@code i}) and, for
 * {@link TwoTowerObjective#SAMPLED}, the negatives drawn for the batch. Labels: the {@code (b, m)} bias that
 * {@link TwoTowerLoss} adds to the logits: {@code -log Q(item)} when log-Q correction is on, and {@value #OFF}
 * for every column that is not a candidate of the row (another column holding the row's own item, an accidental
 * hit; for sampled softmax, the other rows' positives).
 *
 * <p>{@link #labels} must follow the {@link #inputs} call of the same rows (as the training loop does), since the
 * negatives are drawn in {@code inputs}. Not thread-safe.
 */
final class PairBatches implements BatchSource {
    /** The bias of a column that is not a candidate: far below any logit, so its softmax weight is 0. */
    static final float OFF = -1e4f;

    private final TwoTowerData data;
    private final int sequence;
    private final TwoTowerOptions options;
    private final float[] logQ;
    private final double[] cumulative;
    private final SplittableRandom random;
    private final BatchArrays scratch = new BatchArrays();
    private int[] userRows = new int[0];
    private int[] itemRows = new int[0];
    private float[] bias = new float[0];
    private int lastFrom = -1;
    private int lastTo = -1;
    private int[] lastOrder;

    /** Batches of {@code data}; {@code sequence} is the user sequence feature's position, or -1 for none. */
    PairBatches(TwoTowerData data, int sequence, TwoTowerOptions options) {
        this.data = data;
        this.sequence = sequence;
        this.options = options;
        int numItems = data.items().rows();
        int[] counts = data.itemCounts();
        this.logQ = new float[numItems];
        this.random = new SplittableRandom(options.training().seed() * 31 + 7);
        if (options.objective() == TwoTowerObjective.IN_BATCH) {
            this.cumulative = null;
            for (int j = 0; j < numItems; j++) {
                // only items with a positive ever appear in a batch; the rest keep 0
                logQ[j] = counts[j] == 0 ? 0f : (float) Math.log((double) counts[j] / data.pairs());
            }
        } else {
            double[] w = new double[numItems];
            double total = 0;
            for (int j = 0; j < numItems; j++) {
                w[j] = options.sampling() == NegativeSampling.UNIFORM ? 1 : Math.pow(1 + counts[j], 0.75);
                total += w[j];
            }
            this.cumulative = new double[numItems];
            double run = 0;
            for (int j = 0; j < numItems; j++) {
                run += w[j];
                cumulative[j] = run / total;
                logQ[j] = (float) Math.log(options.negatives() * w[j] / total); // expected count among the draws
            }
        }
    }

    /** The log-Q value of each item row (see {@link TwoTowerOptions#logQCorrection()}). */
    float[] logQ() {
        return logQ.clone();
    }

    @Override
    public int size() {
        return data.pairs();
    }

    @Override
    public NDList inputs(NDManager batch, int[] rows, int from, int to) {
        int b = to - from;
        int negatives = options.objective() == TwoTowerObjective.SAMPLED ? options.negatives() : 0;
        int m = b + negatives;
        if (userRows.length < b) {
            userRows = new int[b];
        }
        if (itemRows.length < m) {
            itemRows = new int[m];
        }
        for (int k = 0; k < b; k++) {
            int p = rows == null ? from + k : rows[from + k];
            userRows[k] = data.pairUsers()[p];
            itemRows[k] = data.pairItems()[p];
        }
        for (int k = b; k < m; k++) {
            itemRows[k] = draw();
        }
        lastOrder = rows;
        lastFrom = from;
        lastTo = to;
        FeatureMatrix u = data.users();
        FeatureMatrix i = data.items();
        NDList out = new NDList(
                scratch.floats(batch, 0, u.denseBlock(), u.schema().denseWidth(), userRows, 0, b),
                scratch.ints(batch, 1, u.categoricalBlock(), u.schema().categoricalWidth(), userRows, 0, b));
        if (sequence >= 0) {
            int length = u.schema().sequences().get(sequence).maxLength();
            out.add(scratch.ints(batch, 2, u.sequenceIds(sequence), length, userRows, 0, b));
            out.add(scratch.floats(batch, 3, u.sequenceMask(sequence), length, userRows, 0, b));
        }
        out.add(scratch.floats(batch, 4, i.denseBlock(), i.schema().denseWidth(), itemRows, 0, m));
        out.add(scratch.ints(batch, 5, i.categoricalBlock(), i.schema().categoricalWidth(), itemRows, 0, m));
        return out;
    }

    @Override
    public NDList labels(NDManager batch, int[] rows, int from, int to) {
        if (rows != lastOrder || from != lastFrom || to != lastTo) {
            throw new IllegalStateException("labels must follow the inputs of the same rows (negatives are drawn "
                    + "with the inputs)");
        }
        int b = to - from;
        int m = b + (options.objective() == TwoTowerObjective.SAMPLED ? options.negatives() : 0);
        if (bias.length < b * m) {
            bias = new float[b * m];
        }
        boolean sampled = options.objective() == TwoTowerObjective.SAMPLED;
        for (int r = 0; r < b; r++) {
            int own = itemRows[r];
            int base = r * m;
            for (int c = 0; c < m; c++) {
                float v = options.logQCorrection() ? -logQ[itemRows[c]] : 0f;
                if (c != r && (itemRows[c] == own || (sampled && c < b))) {
                    v = OFF;
                }
                bias[base + c] = v;
            }
        }
        return new NDList(scratch.floats(batch, 6, bias, m, null, 0, b));
    }

    private int draw() {
        int j = Arrays.binarySearch(cumulative, random.nextDouble());
        j = j >= 0 ? j : -j - 1;
        return Math.min(j, cumulative.length - 1);
    }
}
