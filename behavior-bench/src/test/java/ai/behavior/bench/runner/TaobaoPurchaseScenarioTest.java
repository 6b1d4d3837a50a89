package ai.behavior.bench.runner;

import ai.behavior.models.tasks.TaobaoPurchaseOptions;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code taobao-purchase} end to end through the command line on a generated file in Taobao's format: 90 users
 * over the data's 9 days, each viewing two items of their own category every day; user {@code u} carts on day
 * {@code u % 9} and buys that item the next day when {@code u % 3 == 0}. So every daily cut-off has buyers, the
 * task runs every model with quick settings, and each figure arrives as one JSON line under a protocol.
 */
class TaobaoPurchaseScenarioTest {
    @TempDir
    Path tmp;

    @Test
    void runsTheThreeModelsOnATaobaoShapedFile() throws IOException {
        Path root = tmp.resolve("datasets");
        write(Files.createDirectories(root.resolve(TaobaoPurchase.FOLDER)).resolve(TaobaoPurchase.FILE));
        Path out = tmp.resolve("out.jsonl");
        TaobaoPurchaseOptions quick = TaobaoPurchaseOptions.defaults().withFolds(2).withFullGrid(false)
                .withEnsemble(1).withEpochs(2).withBootstrap(10);
        CliRun r = CliRun.of(List.of(new TaobaoPurchase(quick)), "run", "taobao-purchase", "--data", root.toString(),
                "--out", out.toString(), "--threads", "1");
        assertEquals(BenchCli.OK, r.exit(), r.err() + r.out());
        Set<String> models = new LinkedHashSet<>();
        Set<String> withAuc = new LinkedHashSet<>();
        double positives = 0;
        for (JsonObject o : JsonLines.read(out)) {
            JsonLines.assertSchema(o, o.toString());
            String model = o.get("model").getAsString();
            String metric = o.get("metric").getAsString();
            double v = o.get("value").getAsDouble();
            models.add(model);
            assertTrue(o.get("protocol").getAsString().contains("pairs viewed before"), o.toString());
            if (metric.equals("auc")) {
                assertTrue(v >= 0 && v <= 1, o.toString());
                withAuc.add(model);
            }
            if (model.equals("data") && metric.equals("test_positives")) {
                positives = v;
            }
        }
        // users 0, 3, ..., 87 buy on day (u % 9) + 1; the test origins are days 3..7 (2017-11-28 .. 12-02)
        assertTrue(positives > 0, "no test positives in\n" + r.out());
        assertEquals(Set.of("logistic regression", "MLP", "sequence + pair features (fusion)"), withAuc, r.out());
        assertTrue(models.containsAll(List.of("logistic regression", "MLP", "sequence + pair features (fusion)")),
                models.toString());
    }

    /** The file described in the class comment; day 0 starts at 2017-11-25 00:00 +08 (Unix 1511539200). */
    private static void write(Path file) throws IOException {
        long day0 = 1_511_539_200L;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user_id,item_id,category_id,behavior_type,timestamp\n");
            for (int u = 0; u < 90; u++) {
                int category = u % 7;
                for (int d = 0; d < 9; d++) {
                    long t = day0 + d * 86_400L + 3_600L * (1 + u % 20);
                    int item = 1_000 + category * 50 + (u * 7 + d) % 50;
                    w.write(u + "," + item + "," + category + ",pv," + t + "\n");
                    w.write(u + "," + (item + 1) + "," + category + ",pv," + (t + 60) + "\n");
                    if (d == u % 9) {
                        w.write(u + "," + item + "," + category + ",cart," + (t + 120) + "\n");
                        if (u % 3 == 0 && d < 8) {
                            w.write(u + "," + item + "," + category + ",buy," + (t + 86_400L) + "\n");
                        }
                    }
                }
            }
        }
    }
}
