package ai.behavior.cli;

import ai.behavior.eval.CandidateMode;
import ai.behavior.eval.MetricsReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train}, {@code evaluate} and {@code recommend} with the recommenders, on a small synthetic shop. */
class RecommenderCommandsTest {
    @TempDir
    static Path tmp;
    static Path shop;
    static Path train;
    static Path test;

    @BeforeAll
    static void shopAndSplit() {
        shop = Shop.generate(tmp.resolve("shop"));
        Cli.Result r = Cli.run("split", "--data", shop.resolve("events.csv").toString(), "--method", "temporal",
                "--ratios", "0.8,0.2", "--out", shop.resolve("split").toString());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        train = shop.resolve("split/train.csv");
        test = shop.resolve("split/test.csv");
    }

    private static Path config(String name, String json) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private static Cli.Result train(Path config, Path data, Path out, String... more) {
        String[] base = {"train", "--config", config.toString(), "--data", data.toString(), "--out", out.toString(),
                "--quiet"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void implicitAlsTrainsEvaluatesWithTheProtocolAndRecommends() throws IOException {
        Path cfg = config("als.json", "{\"model\": \"implicit-als\", \"options\": {\"factors\": 16, \"iterations\": 5,"
                + " \"regularization\": 10, \"threads\": 1, \"weighting\": {\"view\": 1, \"purchase\": 5}}}");
        Path model = tmp.resolve("models/als");
        Cli.Result t = train(cfg, train, model);
        assertEquals(ExitCode.OK, t.code(), t.toString());
        assertTrue(Files.isRegularFile(model.resolve("run.json")));
        assertTrue(Files.isRegularFile(model.resolve("model/manifest.json")));
        assertTrue(t.out().contains("iterations run: 5"), t.out());
        assertTrue(t.out().contains("split: temporal 80/20"), t.out()); // from split.json beside train.csv

        Path json = tmp.resolve("als-report.json");
        Cli.Result e = Cli.run("evaluate", "--model", model.toString(), "--train", train.toString(), "--data",
                test.toString(), "--protocol", "full", "--k", "5,10", "--json", json.toString());
        assertEquals(ExitCode.OK, e.code(), e.toString());
        assertTrue(e.out().contains("protocol: dataset=events.csv (temporal split); split=temporal 80/20"), e.out());
        assertTrue(e.out().contains("candidates=full ranking; seen items excluded; K=[5, 10]"), e.out());
        assertTrue(e.out().contains("ndcg@10"), e.out());
        MetricsReport report = MetricsReport.fromJson(Files.readString(json));
        assertInstanceOf(CandidateMode.Full.class, report.protocol().candidates());
        double recall = report.value("implicit-als", "recall@10");
        assertTrue(recall > 0 && recall <= 1, "recall@10 " + recall);

        Cli.Result sampled = Cli.run("evaluate", "--model", model.toString(), "--train", train.toString(), "--data",
                test.toString(), "--protocol", "sampled-popularity:50", "--k", "10", "--truth", "purchase");
        assertEquals(ExitCode.OK, sampled.code(), sampled.toString());
        assertTrue(sampled.out().contains("candidates=50 popularity-sampled negatives per held-out item"),
                sampled.out());
        assertTrue(sampled.out().contains("truth: test events of type [purchase]"), sampled.out());

        Cli.Result rec = Cli.run("recommend", "--model", model.toString(), "--data", train.toString(), "--user", "u1",
                "--user", "nobody", "--k", "3");
        assertEquals(ExitCode.OK, rec.code(), rec.toString());
        assertTrue(rec.out().contains("u1: by the model"), rec.out());
        assertTrue(rec.out().contains("nobody: popularity fallback (user 'nobody' is not in the training data)"),
                rec.out());
        assertTrue(rec.out().contains("   3. "), rec.out());
        assertFalse(rec.out().contains("   4. "), rec.out());
    }

    @Test
    void aConfiguredSplitIsAppliedInTrainingAndReappliedByEvaluate() throws IOException {
        Path cfg = config("pop.json", "{\"model\": \"popularity\", \"options\": {\"windowDays\": 7},"
                + " \"split\": {\"method\": \"leave-last-out\", \"last\": 1}}");
        Path model = tmp.resolve("models/pop");
        Path events = shop.resolve("events.csv");
        Cli.Result t = train(cfg, events, model);
        assertEquals(ExitCode.OK, t.code(), t.toString());
        assertTrue(t.out().contains("split: leave-last-1-out per user by time"), t.out());
        Cli.Result e = Cli.run("evaluate", "--model", model.toString(), "--data", events.toString(), "--k", "10");
        assertEquals(ExitCode.OK, e.code(), e.toString());
        assertTrue(e.out().contains("re-applied the model's split"), e.out());
        assertTrue(e.out().contains("split=leave-last-1-out per user by time"), e.out());
        assertTrue(e.out().matches("(?s).*users on fallback \\| +0\n.*"), e.out()); // popularity knows everyone
    }

    @Test
    void itemKnnBprAndBiasedMfTrainAndEvaluate() throws IOException {
        Path knn = tmp.resolve("models/knn");
        Cli.Result t = train(config("knn.json", "{\"model\": \"item-knn\", \"options\": {\"neighbours\": 20,"
                + " \"reweighting\": \"bm25\", \"similarity\": \"dot-product\"}}"), train, knn);
        assertEquals(ExitCode.OK, t.code(), t.toString());
        Cli.Result e = Cli.run("evaluate", "--model", knn.toString(), "--train", train.toString(), "--data",
                test.toString());
        assertEquals(ExitCode.OK, e.code(), e.toString());
        assertTrue(e.out().contains("K=[10, 20]"), e.out());

        Path bpr = tmp.resolve("models/bpr");
        t = train(config("bpr.json", "{\"model\": \"bpr\", \"options\": {\"factors\": 8, \"epochs\": 3,"
                + " \"threads\": 1, \"seed\": 3}, \"split\": {\"method\": \"random\", \"ratios\": [0.8, 0.1, 0.1],"
                + " \"perUser\": true}}"), shop.resolve("events.csv"), bpr);
        assertEquals(ExitCode.OK, t.code(), t.toString());
        assertTrue(t.out().contains("epochs run: 3"), t.out());

        Path mf = tmp.resolve("models/mf");
        t = train(config("mf.json", "{\"model\": \"biased-mf\", \"options\": {\"solver\": \"als\", \"factors\": 4,"
                + " \"epochs\": 3, \"clip\": [1, 5], \"weightedRegularization\": false},"
                + " \"split\": {\"method\": \"random\", \"ratios\": [0.8, 0.2]}}"),
                shop.resolve("events.csv"), mf);
        assertEquals(ExitCode.OK, t.code(), t.toString());
        assertTrue(t.out().contains("solver: als, epochs trained: 3"), t.out());
        Cli.Result rmse = Cli.run("evaluate", "--model", mf.toString(), "--data", shop.resolve("events.csv").toString(),
                "--protocol", "pointwise");
        assertEquals(ExitCode.OK, rmse.code(), rmse.toString());
        assertTrue(rmse.out().contains("rmse") && rmse.out().contains("candidates=each labelled row scored"),
                rmse.out());
        Cli.Result pointwiseAls = Cli.run("evaluate", "--model", knn.toString(), "--train", train.toString(),
                "--data", test.toString(), "--protocol", "pointwise");
        assertEquals(ExitCode.USAGE, pointwiseAls.code(), pointwiseAls.toString());
        assertTrue(pointwiseAls.err().contains("--protocol: pointwise scores ratings"), pointwiseAls.err());
    }

    @Test
    void earlyStoppingUsesTheValidationFile() throws IOException {
        Path split = shop.resolve("split3");
        assertEquals(ExitCode.OK, Cli.run("split", "--data", shop.resolve("events.csv").toString(), "--ratios",
                "0.8,0.1,0.1", "--per-user", "--out", split.toString()).code());
        Path cfg = config("als-es.json", "{\"model\": \"implicit-als\", \"options\": {\"factors\": 8,"
                + " \"iterations\": 30, \"threads\": 1, \"earlyStopping\": {\"k\": 10, \"patience\": 2}}}");
        Path model = tmp.resolve("models/als-es");
        Cli.Result t = train(cfg, split.resolve("train.csv"), model, "--validation",
                split.resolve("validation.csv").toString());
        assertEquals(ExitCode.OK, t.code(), t.toString());
        assertTrue(t.out().contains("best iteration:"), t.out());
        Cli.Result none = train(cfg, split.resolve("train.csv"), tmp.resolve("models/als-es2"));
        assertEquals(ExitCode.USAGE, none.code(), none.toString());
        assertTrue(none.err().contains("'options.earlyStopping' needs validation events"), none.err());
    }

    @Test
    void evaluateUsageErrorsAndMissingInputs() throws IOException {
        Path cfg = config("pop2.json", "{\"model\": \"popularity\"}");
        Path model = tmp.resolve("models/pop2");
        assertEquals(ExitCode.OK, train(cfg, train, model).code());
        Cli.Result noTrain = Cli.run("evaluate", "--model", model.toString(), "--data", test.toString());
        assertEquals(ExitCode.USAGE, noTrain.code(), noTrain.toString());
        assertTrue(noTrain.err().contains("--train: this model was trained without a split"), noTrain.err());
        Cli.Result badProtocol = Cli.run("evaluate", "--model", model.toString(), "--train", train.toString(),
                "--data", test.toString(), "--protocol", "sampled-uniform");
        assertEquals(ExitCode.USAGE, badProtocol.code());
        assertTrue(badProtocol.err().contains("Invalid value for option '--protocol'"), badProtocol.err());
        assertTrue(badProtocol.err().contains("sampled-uniform:N"), badProtocol.err());
        Cli.Result badK = Cli.run("evaluate", "--model", model.toString(), "--train", train.toString(), "--data",
                test.toString(), "--k", "10,zero");
        assertEquals(ExitCode.USAGE, badK.code());
        assertTrue(badK.err().contains("'--k'") && badK.err().contains("positive integers like 10 or 10,20"),
                badK.err());
        Cli.Result noModel = Cli.run("evaluate", "--model", tmp.resolve("models/none").toString(), "--train",
                train.toString(), "--data", test.toString());
        assertEquals(ExitCode.DATA_NOT_FOUND, noModel.code(), noModel.toString());
        assertTrue(noModel.err().contains("--model: no such folder"), noModel.err());
        Cli.Result recK = Cli.run("recommend", "--model", model.toString(), "--data", train.toString(), "--user",
                "u1", "--k", "-1");
        assertEquals(ExitCode.USAGE, recK.code());
        assertTrue(recK.err().contains("'--k'"), recK.err());
    }

    @Test
    void aDamagedModelFileIsBadInputData() throws IOException {
        Path cfg = config("pop3.json", "{\"model\": \"popularity\"}");
        Path model = tmp.resolve("models/pop3");
        assertEquals(ExitCode.OK, train(cfg, train, model).code());
        Path scores = model.resolve("model/scores");
        byte[] bytes = Files.readAllBytes(scores);
        bytes[bytes.length - 1] ^= 0x55; // flip bits of the last score: the SHA-256 no longer matches
        Files.write(scores, bytes);
        Cli.Result r = Cli.run("recommend", "--model", model.toString(), "--data", train.toString(), "--user", "u1");
        assertEquals(ExitCode.BAD_DATA, r.code(), r.toString());
        assertTrue(r.err().contains("bad input data") && r.err().contains("scores"), r.err());
    }

    @Test
    void trainRefusesToReplaceAFolderItDidNotWrite() throws IOException {
        Path cfg = config("pop4.json", "{\"model\": \"popularity\"}");
        Path precious = tmp.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("notes.txt"), "keep me");
        Cli.Result r = train(cfg, train, precious);
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--out: ") && r.err().contains("refusing to replace it"), r.err());
        assertEquals("keep me", Files.readString(precious.resolve("notes.txt")));
    }
}
