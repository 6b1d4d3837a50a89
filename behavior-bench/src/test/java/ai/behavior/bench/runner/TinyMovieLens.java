package ai.behavior.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tiny MovieLens folder in RecBole's atomic format ({@code ml-100k/ml-100k.inter}, tab-separated,
 * {@code name:type} header), as the ML-100K scenarios read it, so a whole scenario runs in a test.
 *
 * <p>Every one of {@code users} users rates every one of {@code items} items 3 stars, one second apart.
 * That makes two results hand-computable: every rating model (clipped to the data's range 3..3, or the mean
 * 3 plus zero biases) predicts 3, so RMSE and MAE are 0; and with 12 items a per-user 75/25 split leaves
 * each user exactly 3 unseen items, all of them held out, so any ranker's top 10 holds all 3.
 */
final class TinyMovieLens {
    private TinyMovieLens() {
    }

    /** Writes {@code root/ml-100k/ml-100k.inter}; returns {@code root}. */
    static Path write(Path root, int users, int items) throws IOException {
        Path folder = Files.createDirectories(root.resolve("ml-100k"));
        StringBuilder sb = new StringBuilder("user_id:token\titem_id:token\trating:float\ttimestamp:float\n");
        long t = 880_000_000L;
        for (int u = 1; u <= users; u++) {
            for (int i = 1; i <= items; i++) {
                sb.append(u).append('\t').append(i).append("\t3\t").append(t++).append('\n');
            }
        }
        Files.writeString(folder.resolve("ml-100k.inter"), sb);
        return root;
    }
}
