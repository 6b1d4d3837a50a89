package ai.behavior.models.twotower;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.models.train.BatchArrays;
import ai.behavior.models.train.Inference;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Runs one tower of a {@link TwoTowerBlock} alone, batch by batch (the other side gets no rows), and returns
 * the embeddings as a row-major Java array. Not thread-safe: give each thread its own.
 */
final class TowerRows {
    private static final int BATCH = 2048;
    private final BatchArrays scratch = new BatchArrays();
    private final int userSequence;
    private final int dim;

    /** Rows for a network whose user side has sequence feature {@code userSequence} (-1: none). */
    TowerRows(int userSequence, int dim) {
        this.userSequence = userSequence;
        this.dim = dim;
    }

    /** The user embeddings of rows {@code rows} of {@code users} ({@code null}: every row), row-major. */
    float[] users(Inference net, FeatureMatrix users, FeatureMatrix itemsLayout, int[] rows) {
        return run(net, users, itemsLayout, rows, true);
    }

    /** The item embeddings of every row of {@code items}, row-major. */
    float[] items(Inference net, FeatureMatrix usersLayout, FeatureMatrix items) {
        return run(net, usersLayout, items, null, false);
    }

    private float[] run(Inference net, FeatureMatrix users, FeatureMatrix items, int[] rows, boolean userSide) {
        int n = rows != null ? rows.length : userSide ? users.rows() : items.rows();
        float[] out = new float[Math.multiplyExact(n, dim)];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            try (NDManager batch = net.newBatchManager()) {
                int uf = userSide ? from : 0;
                int ut = userSide ? to : 0;
                int itf = userSide ? 0 : from;
                int itt = userSide ? 0 : to;
                NDList in = new NDList(
                        scratch.floats(batch, 0, users.denseBlock(), users.schema().denseWidth(), rows, uf, ut),
                        scratch.ints(batch, 1, users.categoricalBlock(), users.schema().categoricalWidth(), rows, uf,
                                ut));
                if (userSequence >= 0) {
                    int length = users.schema().sequences().get(userSequence).maxLength();
                    in.add(scratch.ints(batch, 2, users.sequenceIds(userSequence), length, rows, uf, ut));
                    in.add(scratch.floats(batch, 3, users.sequenceMask(userSequence), length, rows, uf, ut));
                }
                in.add(scratch.floats(batch, 4, items.denseBlock(), items.schema().denseWidth(), null, itf, itt));
                in.add(scratch.ints(batch, 5, items.categoricalBlock(), items.schema().categoricalWidth(), null, itf,
                        itt));
                float[] part = net.forward(in).get(userSide ? 0 : 1).toFloatArray();
                System.arraycopy(part, 0, out, from * dim, part.length);
            }
        }
        return out;
    }
}
