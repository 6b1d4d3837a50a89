package ai.behavior.recsys.mf;

import ai.behavior.data.IdIndex;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes {@link BiasedMf} model folders (type {@value BiasedMf#MODEL_TYPE}, version
 * {@value #VERSION}): {@code users} and {@code items} (ids), {@code scalars} (doubles: global mean, clip min,
 * clip max, trained epochs), {@code user_bias} / {@code item_bias} (n x 1 floats), {@code user_factors} /
 * {@code item_factors} (n x factors floats), {@code user_counts} / {@code item_counts} (training ratings per
 * user / item), and the options in the manifest.
 */
final class BiasedMfFiles {
    static final int VERSION = 1;

    private BiasedMfFiles() {
    }

    static void write(BiasedMf m, Path dir) throws IOException {
        int k = m.factors();
        ModelWriter.create(dir, BiasedMf.MODEL_TYPE, VERSION)
                .options(OptionsJson.write(m.options()))
                .provenance("solver", m.options().solver())
                .provenance("trainedEpochs", Integer.toString(m.trainedEpochs()))
                .ids("users", m.users())
                .ids("items", m.items())
                .doubles("scalars", new double[] {m.globalMean(), m.clip().min(), m.clip().max(), m.trainedEpochs()})
                .floats("user_bias", m.userBiasArray(), m.users().size(), 1)
                .floats("item_bias", m.itemBiasArray(), m.items().size(), 1)
                .floats("user_factors", m.userFactorArray(), m.users().size(), k)
                .floats("item_factors", m.itemFactorArray(), m.items().size(), k)
                .ints("user_counts", m.userCountArray())
                .ints("item_counts", m.itemCountArray())
                .commit();
    }

    static BiasedMf read(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, BiasedMf.MODEL_TYPE, VERSION);
        MfOptions options = OptionsJson.read(r.optionsJson(), dir);
        IdIndex users = r.ids("users");
        IdIndex items = r.ids("items");
        double[] scalars = r.doubles("scalars");
        if (scalars.length != 4) {
            throw new ModelFileException(dir + ": 'scalars' holds " + scalars.length + " values, expected 4");
        }
        double mean = scalars[0];
        if (!Double.isFinite(mean) || !Double.isFinite(scalars[1]) || !Double.isFinite(scalars[2])
                || scalars[1] > scalars[2]) {
            throw new ModelFileException(dir + ": 'scalars' holds an invalid mean or clip range");
        }
        int k = options.factors();
        int nu = users.size();
        int ni = items.size();
        float[] bu = matrix(r, "user_bias", nu, 1, dir);
        float[] bi = matrix(r, "item_bias", ni, 1, dir);
        float[] p = matrix(r, "user_factors", nu, k, dir);
        float[] q = matrix(r, "item_factors", ni, k, dir);
        int[] userCounts = counts(r, "user_counts", nu, dir);
        int[] itemCounts = counts(r, "item_counts", ni, dir);
        return new BiasedMf(users, items, mean, k, bu, bi, p, q, userCounts, itemCounts,
                new RatingRange(scalars[1], scalars[2]), options, (int) scalars[3]);
    }

    private static float[] matrix(ModelReader r, String name, int rows, int cols, Path dir) throws IOException {
        ModelReader.FloatMatrix m = r.floats(name);
        if (m.rows() != rows || m.cols() != cols) {
            throw new ModelFileException(dir + ": '" + name + "' is " + m.rows() + " x " + m.cols() + ", expected "
                    + rows + " x " + cols);
        }
        for (float v : m.data()) {
            if (!Float.isFinite(v)) {
                throw new ModelFileException(dir + ": '" + name + "' holds a non-finite value");
            }
        }
        return m.data();
    }

    private static int[] counts(ModelReader r, String name, int n, Path dir) throws IOException {
        int[] c = r.ints(name);
        if (c.length != n) {
            throw new ModelFileException(dir + ": '" + name + "' holds " + c.length + " counts, expected " + n);
        }
        for (int v : c) {
            if (v < 0) {
                throw new ModelFileException(dir + ": '" + name + "' holds a negative count");
            }
        }
        return c;
    }
}
