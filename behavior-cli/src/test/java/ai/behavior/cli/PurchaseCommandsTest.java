package ai.behavior.cli;

import ai.behavior.eval.MetricsReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The purchase models through {@code train} and {@code evaluate}, and the flags they refuse. */
class PurchaseCommandsTest {
    @TempDir
    static Path tmp;
    static Path shop;

    @BeforeAll
    static void generate() {
        shop = Shop.generate(tmp.resolve("shop"));
    }

    private static String[] data() {
        return new String[] {"--data", shop.resolve("events.csv").toString(), "--users",
                shop.resolve("users.csv").toString(), "--items", shop.resolve("items.csv").toString()};
    }

    private static Cli.Result run(String command, String... args) {
        String[] d = data();
        String[] all = new String[1 + d.length + args.length];
        all[0] = command;
        System.arraycopy(d, 0, all, 1, d.length);
        System.arraycopy(args, 0, all, 1 + d.length, args.length);
        return Cli.run(all);
    }

    @Test
    void logisticTrainsOnTrainUsersAndIsScoredOnTheHeldOutOnes() throws IOException {
        Path cfg = tmp.resolve("buy.json");
        Files.writeString(cfg, "{\"model\": \"purchase-logistic\", \"options\": {\"l2\": 0.01},"
                + " \"task\": {\"horizonDays\": 7}, \"split\": {\"method\": \"users\", \"test\": 0.3, \"seed\": 5}}");
        Path model = tmp.resolve("models/buy");
        Cli.Result t = run("train", "--config", cfg.toString(), "--out", model.toString());
        assertEquals(ExitCode.OK, t.code(), t.toString());
        assertTrue(t.out().contains("task: purchase within 7 days after 2024-01-2"), t.out());
        assertTrue(t.out().contains("users stratified by label, 30 % test, seed 5"), t.out());
        Path json = tmp.resolve("buy.json.report");
        Cli.Result e = run("evaluate", "--model", model.toString(), "--json", json.toString());
        assertEquals(ExitCode.OK, e.code(), e.toString());
        assertTrue(e.out().contains("candidates=each labelled row scored (pointwise)"), e.out());
        assertTrue(e.out().contains("label: purchase in the next 168 h"), e.out());
        MetricsReport report = MetricsReport.fromJson(Files.readString(json));
        double auc = report.value("purchase-logistic", "auc");
        assertTrue(auc >= 0 && auc <= 1, "auc " + auc);
        // The training run said how many users it held out; evaluate scores exactly those.
        String heldOut = t.out().replaceAll("(?s).*, (\\d+) test users held out.*", "$1");
        assertTrue(e.out().contains("held-out users: " + heldOut + " of "), heldOut + "\n" + e.out());

        Cli.Result noUsers = Cli.run("evaluate", "--model", model.toString(), "--data",
                shop.resolve("events.csv").toString(), "--items", shop.resolve("items.csv").toString());
        assertEquals(ExitCode.USAGE, noUsers.code(), noUsers.toString());
        assertTrue(noUsers.err().contains("--users: this model was trained with the user table"), noUsers.err());
        Cli.Result ranking = run("evaluate", "--model", model.toString(), "--protocol", "full");
        assertEquals(ExitCode.USAGE, ranking.code());
        assertTrue(ranking.err().contains("--protocol: purchase models score each held-out user"), ranking.err());
        Cli.Result k = run("evaluate", "--model", model.toString(), "--k", "10");
        assertEquals(ExitCode.USAGE, k.code());
        assertTrue(k.err().contains("--k: ranks items"), k.err());
        Cli.Result recommend = Cli.run("recommend", "--model", model.toString(), "--data",
                shop.resolve("events.csv").toString(), "--user", "u1");
        assertEquals(ExitCode.USAGE, recommend.code());
        assertTrue(recommend.err().contains("scores users, not items"), recommend.err());
    }

    @Test
    void mlpTrainsWithValidationUsersAndEvaluates() throws IOException {
        Path cfg = tmp.resolve("mlp.json");
        Files.writeString(cfg, "{\"model\": \"purchase-mlp\", \"options\": {\"hidden\": [16], \"dropout\": 0.0,"
                + " \"training\": {\"epochs\": 3, \"batchSize\": 64, \"device\": \"cpu\", \"seed\": 1}},"
                + " \"split\": {\"test\": 0.3, \"validation\": 0.25}}");
        Path model = tmp.resolve("models/mlp");
        Cli.Result t = run("train", "--config", cfg.toString(), "--out", model.toString(), "--quiet");
        assertEquals(ExitCode.OK, t.code(), t.toString());
        assertTrue(t.out().contains(" validation, "), t.out());
        assertTrue(Files.isRegularFile(model.resolve("model/mlp.json")));
        Cli.Result e = run("evaluate", "--model", model.toString(), "--protocol", "pointwise");
        assertEquals(ExitCode.OK, e.code(), e.toString());
        assertTrue(e.out().contains("purchase-mlp |"), e.out());
    }
}
