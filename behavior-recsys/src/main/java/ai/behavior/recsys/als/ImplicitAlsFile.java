package ai.behavior.recsys.als;

import ai.behavior.data.IdIndex;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.Weighting;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The model-folder layout of {@link ImplicitAls} (type {@value ImplicitAls#MODEL_TYPE}, version 1): the
 * options as JSON in the manifest, id lists {@code users} and {@code items}, float matrices
 * {@code user_factors} and {@code item_factors} (row-major), and int vectors {@code user_counts} and
 * {@code item_counts} (training interactions per user and item).
 *
 * <pre>{@code
 * ImplicitAlsFile.save(model, dir);
 * ImplicitAls back = ImplicitAlsFile.load(dir);
 * }</pre>
 */
final class ImplicitAlsFile {
    static final int VERSION = 1;

    private ImplicitAlsFile() {
    }

    /**
     * The options and training outcome stored in the manifest (listeners and validation data are not saved).
     *
     * @param factors        latent dimension
     * @param iterations     iterations asked for
     * @param regularization lambda
     * @param alpha          confidence slope
     * @param cgSteps        conjugate-gradient steps (0 = exact)
     * @param seed           seed
     * @param weighting      weighting of logs
     * @param iterationsRun  iterations run
     * @param bestIteration  iteration whose factors were kept
     */
    record Stored(int factors, int iterations, double regularization, double alpha, int cgSteps, long seed,
                  Weighting weighting, int iterationsRun, int bestIteration) {
    }

    static void save(ImplicitAls m, Path dir) throws IOException {
        ImplicitAls.Options o = m.options();
        LatentFactors f = m.factors();
        ModelWriter.create(dir, ImplicitAls.MODEL_TYPE, VERSION)
                .options(new Stored(o.factors(), o.iterations(), o.regularization(), o.alpha(), o.cgSteps(), o.seed(),
                        o.weighting(), m.iterationsRun(), m.bestIteration()))
                .provenance("trainedUsers", Integer.toString(f.numUsers()))
                .provenance("trainedItems", Integer.toString(f.numItems()))
                .ids("users", m.users())
                .ids("items", m.items())
                .floats("user_factors", f.userRows(), f.numUsers(), f.factors())
                .floats("item_factors", f.itemRows(), f.numItems(), f.factors())
                .ints("user_counts", m.userCounts())
                .ints("item_counts", m.itemCounts())
                .commit();
    }

    static ImplicitAls load(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, ImplicitAls.MODEL_TYPE, VERSION);
        Stored s;
        ImplicitAls.Options options;
        try {
            s = r.options(Stored.class);
            if (s == null || s.weighting() == null) {
                throw new ModelFileException(dir + ": the manifest's options are incomplete");
            }
            options = new ImplicitAls.Options(s.factors(), s.iterations(), s.regularization(), s.alpha(), s.cgSteps(),
                    ImplicitAls.Options.defaults().threads(), s.seed(), s.weighting(), null, ProgressListener.quiet());
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": invalid options in the manifest: " + e.getMessage());
        }
        IdIndex users = r.ids("users");
        IdIndex items = r.ids("items");
        ModelReader.FloatMatrix uf = r.floats("user_factors");
        ModelReader.FloatMatrix itf = r.floats("item_factors");
        expectShape(dir, "user_factors", uf, users.size(), s.factors());
        expectShape(dir, "item_factors", itf, items.size(), s.factors());
        int[] userCounts = counts(dir, r, "user_counts", users.size());
        int[] itemCounts = counts(dir, r, "item_counts", items.size());
        LatentFactors f;
        try {
            f = LatentFactors.of(users.size(), items.size(), s.factors(), uf.data(), itf.data(), null);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": " + e.getMessage());
        }
        return new ImplicitAls(users, items, f, userCounts, itemCounts, options, s.iterationsRun(), s.bestIteration());
    }

    static void expectShape(Path dir, String name, ModelReader.FloatMatrix m, int rows, int cols)
            throws ModelFileException {
        if (m.rows() != rows || m.cols() != cols) {
            throw new ModelFileException(dir + ": " + name + " is " + m.rows() + " x " + m.cols() + ", expected " + rows
                    + " x " + cols);
        }
    }

    static int[] counts(Path dir, ModelReader r, String name, int n) throws IOException {
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
