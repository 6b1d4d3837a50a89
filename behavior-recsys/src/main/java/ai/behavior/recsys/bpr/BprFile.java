package ai.behavior.recsys.bpr;

import ai.behavior.data.IdIndex;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.LatentFactors;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The model-folder layout of {@link Bpr} (type {@value Bpr#MODEL_TYPE}, version 1): the options as JSON in
 * the manifest, id lists {@code users} and {@code items}, float matrices {@code user_factors},
 * {@code item_factors} (row-major) and {@code item_bias} (items x 1), and int vectors {@code user_counts} and
 * {@code item_counts}.
 *
 * <pre>{@code
 * BprFile.save(model, dir);
 * Bpr back = BprFile.load(dir);
 * }</pre>
 */
final class BprFile {
    static final int VERSION = 1;

    private BprFile() {
    }

    /**
     * The options and training outcome stored in the manifest (listeners and validation data are not saved).
     *
     * @param factors         latent dimension
     * @param learningRate    SGD step size
     * @param regularization  L2 penalty
     * @param epochs          epochs asked for
     * @param samplesPerEpoch samples per epoch (0 = one per stored pair)
     * @param threads         threads used in training (they affect the result, see {@link Bpr})
     * @param seed            seed
     * @param weighting       weighting of logs
     * @param epochsRun       epochs run
     * @param bestEpoch       epoch whose factors were kept
     */
    record Stored(int factors, double learningRate, double regularization, int epochs, long samplesPerEpoch,
                  int threads, long seed, Weighting weighting, int epochsRun, int bestEpoch) {
    }

    static void save(Bpr m, Path dir) throws IOException {
        Bpr.Options o = m.options();
        LatentFactors f = m.factors();
        ModelWriter.create(dir, Bpr.MODEL_TYPE, VERSION)
                .options(new Stored(o.factors(), o.learningRate(), o.regularization(), o.epochs(), o.samplesPerEpoch(),
                        o.threads(), o.seed(), o.weighting(), m.epochsRun(), m.bestEpoch()))
                .ids("users", m.users())
                .ids("items", m.items())
                .floats("user_factors", f.userRows(), f.numUsers(), f.factors())
                .floats("item_factors", f.itemRows(), f.numItems(), f.factors())
                .floats("item_bias", f.itemBiases(), f.numItems(), 1)
                .ints("user_counts", m.userCounts())
                .ints("item_counts", m.itemCounts())
                .commit();
    }

    static Bpr load(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, Bpr.MODEL_TYPE, VERSION);
        Stored s;
        Bpr.Options options;
        try {
            s = r.options(Stored.class);
            if (s == null || s.weighting() == null) {
                throw new ModelFileException(dir + ": the manifest's options are incomplete");
            }
            options = new Bpr.Options(s.factors(), s.learningRate(), s.regularization(), s.epochs(),
                    s.samplesPerEpoch(), s.threads(), s.seed(), s.weighting(), null, ProgressListener.quiet());
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": invalid options in the manifest: " + e.getMessage());
        }
        IdIndex users = r.ids("users");
        IdIndex items = r.ids("items");
        ModelReader.FloatMatrix uf = r.floats("user_factors");
        ModelReader.FloatMatrix itf = r.floats("item_factors");
        ModelReader.FloatMatrix bias = r.floats("item_bias");
        shape(dir, "user_factors", uf, users.size(), s.factors());
        shape(dir, "item_factors", itf, items.size(), s.factors());
        shape(dir, "item_bias", bias, items.size(), 1);
        int[] userCounts = counts(dir, r, "user_counts", users.size());
        int[] itemCounts = counts(dir, r, "item_counts", items.size());
        LatentFactors f;
        try {
            f = LatentFactors.of(users.size(), items.size(), s.factors(), uf.data(), itf.data(), bias.data());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": " + e.getMessage());
        }
        return new Bpr(users, items, f, userCounts, itemCounts, options, s.epochsRun(), s.bestEpoch());
    }

    private static void shape(Path dir, String name, ModelReader.FloatMatrix m, int rows, int cols)
            throws ModelFileException {
        if (m.rows() != rows || m.cols() != cols) {
            throw new ModelFileException(dir + ": " + name + " is " + m.rows() + " x " + m.cols() + ", expected " + rows
                    + " x " + cols);
        }
    }

    private static int[] counts(Path dir, ModelReader r, String name, int n) throws IOException {
        int[] c = r.ints(name);
        if (c.length != n) {
            throw new ModelFileException(dir + ": " + name + " has " + c.length + " entries, expected " + n);
        }
        for (int v : c) {
            if (v < 0) {
                throw new ModelFileException(dir + ": " + name + " holds a negative count " + v);
            }
        }
        return c;
    }
}
