package ai.behavior.bench.runner;

import ai.behavior.data.Interactions;
import ai.behavior.io.MovieLens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the ML-100K scenarios find MovieLens-100K: {@code DATASETS/ml-100k/ml-100k.inter} (with
 * {@code .user} and {@code .item} beside it), RecBole's atomic files as {@link MovieLens} reads them.
 *
 * <pre>{@code
 * DataStatus s = Ml100kData.status(root);
 * Interactions ratings = Ml100kData.read(root);
 * }</pre>
 */
public final class Ml100kData {
    /** The dataset's name: its folder under the datasets root and the stem of its files. */
    public static final String NAME = "ml-100k";

    private Ml100kData() {
    }

    /** The dataset's folder under {@code datasetsRoot}. */
    public static Path folder(Path datasetsRoot) {
        return datasetsRoot.resolve(NAME);
    }

    /** Present when {@code ml-100k.inter} is a file under the root's {@code ml-100k} folder. */
    public static DataStatus status(Path datasetsRoot) {
        Path inter = folder(datasetsRoot).resolve(NAME + ".inter");
        if (Files.isRegularFile(inter)) {
            return DataStatus.present(inter.toAbsolutePath().normalize().toString());
        }
        return DataStatus.missing("no " + NAME + ".inter (RecBole atomic files) in "
                + folder(datasetsRoot).toAbsolutePath().normalize());
    }

    /** Every rating as a RATING event whose value is the stars. */
    public static Interactions read(Path datasetsRoot) throws IOException {
        return MovieLens.read(folder(datasetsRoot)).interactions();
    }
}
