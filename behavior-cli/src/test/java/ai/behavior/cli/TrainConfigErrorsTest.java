package ai.behavior.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrong training configurations are usage errors naming the file, the key and what is allowed. */
class TrainConfigErrorsTest {
    @TempDir
    static Path tmp;
    static Path events;

    @BeforeAll
    static void data() throws IOException {
        events = tmp.resolve("events.csv");
        Files.writeString(events, DescribeCommandTest.LOG);
    }

    private static Cli.Result train(String json) throws IOException {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, json);
        return Cli.run("train", "--config", cfg.toString(), "--data", events.toString(), "--out",
                tmp.resolve("m").toString(), "--quiet");
    }

    private static void usage(String json, String... expected) throws IOException {
        Cli.Result r = train(json);
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "expected '" + e + "' in\n" + r.err());
        }
    }

    @Test
    void unknownOptionKeyListsTheAllowedOnes() throws IOException {
        usage("{\"model\": \"implicit-als\", \"options\": {\"factor\": 8}}",
                "c.json: unknown key 'options.factor' for model 'implicit-als'",
                "allowed keys: alpha, cgSteps, earlyStopping, factors, iterations, regularization, seed, threads, "
                        + "weighting");
    }

    @Test
    void unknownTopLevelAndSplitKeys() throws IOException {
        usage("{\"model\": \"bpr\", \"epochs\": 3}", "c.json: unknown key 'epochs'",
                "allowed keys: description, model, options, split");
        usage("{\"model\": \"bpr\", \"split\": {\"method\": \"temporal\", \"ratios\": [0.8, 0.2], \"seed\": 1}}",
                "unknown key 'split.seed' for the temporal split; allowed keys: method, ratios");
        usage("{\"model\": \"bpr\", \"task\": {}}", "unknown key 'task' ('task' is for the purchase models)");
        usage("{\"model\": \"purchase-logistic\", \"split\": {\"ratio\": 0.3}}",
                "unknown key 'split.ratio' for a purchase model; allowed keys: method, seed, test, validation");
    }

    @Test
    void wrongModelAndWrongValueTypes() throws IOException {
        usage("{\"model\": \"deep-magic\"}", "c.json: 'model': unknown model 'deep-magic'; expected one of "
                + "implicit-als, bpr, item-knn, popularity, biased-mf, purchase-logistic, purchase-mlp");
        usage("{\"options\": {}}", "the key 'model' is missing");
        usage("{\"model\": \"implicit-als\", \"options\": {\"factors\": 8.5}}",
                "'options.factors' expects an integer, got 8.5");
        usage("{\"model\": \"implicit-als\", \"options\": {\"factors\": 0}}",
                "'options.factors': factors must be in [1, 4096], got 0");
        usage("{\"model\": \"item-knn\", \"options\": {\"similarity\": \"jaccard\"}}",
                "'options.similarity' expects one of cosine, dot-product, got \"jaccard\"");
        usage("{\"model\": \"popularity\", \"options\": {\"weighting\": {\"view\": 1, \"teleport\": 2}}}",
                "'options.weighting.teleport': unknown event type 'teleport'");
        usage("{\"model\": \"bpr\", \"split\": {\"method\": \"random\", \"ratios\": [0.8, 0.3]}}",
                "'split.ratios': split ratios must sum to 1");
        usage("{\"model\": \"biased-mf\", \"options\": {\"solver\": \"newton\"}}",
                "'options.solver' expects \"sgd\" or \"als\"");
        usage("{\"model\": \"purchase-mlp\", \"options\": {\"training\": {\"epochz\": 3}}}",
                "unknown key 'options.training.epochz'", "allowed keys: batchSize, clipNorm, decay, device, epochs");
        usage("{\"model\": \"purchase-logistic\", \"task\": {\"cutoff\": \"tomorrow\"}}",
                "'task.cutoff' expects an ISO-8601 instant like 2024-01-24T00:00:00Z, got 'tomorrow'");
        usage("not json at all {", "c.json: not valid JSON");
    }

    @Test
    void flagsThatDoNotFitTheModel() throws IOException {
        Path cfg = tmp.resolve("p.json");
        Files.writeString(cfg, "{\"model\": \"popularity\"}");
        Cli.Result r = Cli.run("train", "--config", cfg.toString(), "--data", events.toString(), "--users",
                events.toString(), "--out", tmp.resolve("m2").toString());
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--users: attribute tables are used by the purchase models only"), r.err());
    }

    @Test
    void aMissingConfigurationIsDataNotFound() {
        Cli.Result r = Cli.run("train", "--config", tmp.resolve("none.json").toString(), "--data", events.toString(),
                "--out", tmp.resolve("m3").toString());
        assertEquals(ExitCode.DATA_NOT_FOUND, r.code(), r.toString());
        assertTrue(r.err().contains("--config: the configuration file does not exist"), r.err());
    }
}
