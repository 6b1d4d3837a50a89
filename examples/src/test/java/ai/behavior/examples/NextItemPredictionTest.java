package ai.behavior.examples;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.MetricsReport;
import ai.behavior.feature.sequence.SequenceBuilder;
import ai.behavior.feature.sequence.UserSequences;
import ai.behavior.models.sequence.AttentionWeights;
import ai.behavior.models.sequence.EventSequences;
import ai.behavior.models.sequence.NextItem;
import ai.behavior.models.sequence.NextItemEvaluation;
import ai.behavior.models.sequence.NextItemQueries;
import ai.behavior.models.sequence.SequenceClassifier;
import ai.behavior.models.sequence.SequenceModel;
import ai.behavior.models.sequence.SequenceOptions;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The next-item example on a small synthetic shop (fast), the ML-100K check (Transformer above popularity on both
 * protocols; skipped when the data is absent) and the snippets of docs/sequence-models.md.
 */
class NextItemPredictionTest {
    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new NextItemPrediction(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute(args);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        return text;
    }

    @Test
    void missingDataExitsWithThreeAndSaysWhatWasExpected(@TempDir Path empty) {
        assertEquals(3, new CommandLine(new NextItemPrediction(System.out)).execute("--data", empty.toString()));
        // the grid's name is checked first and in any case: an unknown one exits 2, DEFAULTS gets to the data check
        assertEquals(2, new CommandLine(new NextItemPrediction(System.out)).execute("--grid", "best", "--data",
                empty.toString()));
        assertEquals(3, new CommandLine(new NextItemPrediction(System.out)).execute("--grid", "DEFAULTS", "--data",
                empty.toString()));
    }

    @Test
    void printsBothProtocolsOnASmallSyntheticShop(@TempDir Path out) throws Exception {
        String text = run("--synthetic", "200", "--grid", "defaults", "--epochs", "2", "--seeds", "5,6", "--quiet",
                "--json", out.toString());
        assertTrue(text.contains("candidates=full ranking; seen items kept"), text);
        assertTrue(text.contains("candidates=100 uniformly sampled negatives per held-out item"), text);
        assertTrue(text.contains("wall time"), text);
        MetricsReport full = MetricsReport.fromJson(Files.readString(out.resolve("full.json")));
        MetricsReport sampled = MetricsReport.fromJson(Files.readString(out.resolve("sampled.json")));
        // the paired bootstrap between every pair of models, and what the Transformer attended to
        assertTrue(text.contains("Transformer - LSTM: full HR@10 "), text);
        assertTrue(text.contains("Transformer attention for user "), text);
        assertTrue(text.contains("layer 1 head 0:"), text);
        String ranks = Files.readString(out.resolve("ranks.tsv"));
        // a header, then one line per test user, model and seed (popularity once, each family with seeds 5 and 6),
        // as many users as the summary line says
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) test users").matcher(text);
        assertTrue(m.find(), text);
        assertEquals(1 + 5 * Long.parseLong(m.group(1)), ranks.lines().count());
        assertEquals(Long.parseLong(m.group(1)), ranks.lines().filter(l -> l.contains("\tLSTM\t6\t")).count());
        assertTrue(full.rows().get(1).name().endsWith("mean of seeds 5/6)"), full.rows().get(1).name());
        assertEquals(3, full.rows().size());
        assertEquals("popularity", sampled.rows().get(0).name());
        assertTrue(full.rows().get(2).name().startsWith("Transformer"));
    }

    @Test
    void onMovieLensTheProtocolReproducesThePublishedPopularityRow(@TempDir Path out) throws Exception {
        Path data = Path.of(System.getProperty("behavior.datasets", "../shared/datasets"), "ml-100k");
        assumeTrue(Files.isDirectory(data), "real dataset folder " + data.toAbsolutePath().normalize()
                + " is absent: skipping the ML-100K next-item check");
        // one epoch of the Transformer keeps this fast; the trained table is the example's job (see the guide)
        String text = run("--data", data.toString(), "--grid", "defaults", "--models", "Transformer", "--epochs", "1",
                "--quiet", "--json", out.toString());
        // every one of the 943 users has 20+ ratings, so all are tested; popularity's numbers are the guide's table
        assertTrue(text.contains("943 test users"), text);
        MetricsReport full = MetricsReport.fromJson(Files.readString(out.resolve("full.json")));
        MetricsReport sampled = MetricsReport.fromJson(Files.readString(out.resolve("sampled.json")));
        assertEquals(0.0498, full.value("popularity", "hit@10"), 5e-5);
        assertEquals(0.4136, sampled.value("popularity", "hit@10"), 5e-5);
        String transformer = full.rows().get(1).name();
        assertTrue(transformer.startsWith("Transformer"), transformer);
        assertTrue(full.value(transformer, "hit@10") > 0, text);
        assertTrue(text.contains("Transformer attention for user "), text);
    }

    @Test
    void theGuideSnippetsRun(@TempDir Path dir) throws Exception {
        Interactions log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(150)).interactions();
        TrainingOptions quick = TrainingOptions.defaults().withEpochs(2).withBatchSize(64);
        // docs/sequence-models.md, "Next item"
        SplitResult parts = LeaveLastOut.of(1).withValidation(1).apply(log);
        SequenceOptions options = SequenceOptions.transformer().withHeads(1).withFfn(64).withDropout(0);
        options = options.withTraining(quick);
        try (SequenceModel model = NextItem.fit(parts.train(), parts.validation(), options)) {
            NextItemQueries q = NextItemQueries.of(parts.train(), parts.validation());   // users with both
            int[][] next = model.recommend(q.histories(), 10);   // item codes of log.items(), best first
            model.save(dir.resolve("next-item"));
            // docs/sequence-models.md, "What did the Transformer look at?"
            AttentionWeights w = model.attention(q.histories(), 0);   // the first user's input, last maxLength events
            System.out.print(w.describeLast(5));   // per layer and head: the 5 events the last position attends to most
            float share = w.weight(0, 0, w.length() - 1, 0);   // layer 0, head 0: last position -> oldest event
            assertTrue(share >= 0 && share <= 1, "weight " + share);
            assertEquals(2, w.layers());
            assertEquals(10, next[0].length);
            assertEquals(q.size(), next.length);
        }
        try (SequenceModel again = SequenceModel.load(dir.resolve("next-item"))) {
            assertEquals(log.numItems(), again.items().size());
        }
        // docs/sequence-models.md, "Will this history end in a purchase?"
        long cutoff = log.minTimestamp() + (log.maxTimestamp() - log.minTimestamp()) * 3 / 4;
        UserSequences seqs = SequenceBuilder.lastEvents(50).build(log, cutoff);
        double[] labels = boughtAfter(log, seqs, cutoff);
        SequenceOptions gru = SequenceOptions.gru().withTraining(quick);
        try (SequenceModel buyer = SequenceClassifier.fit(EventSequences.of(seqs), labels, null, null, gru)) {
            double[] p = buyer.predict(EventSequences.of(seqs));
            assertEquals(seqs.size(), p.length);
        }
        // docs/sequence-models.md, "Evaluation"
        NextItemEvaluation.Options evaluation = NextItemEvaluation.Options.defaults().withDataset("synthetic shop");
        evaluation = evaluation.withModels(java.util.Map.of("GRU", java.util.List.of(gru)));
        NextItemEvaluation.Result r = NextItemEvaluation.run(log, evaluation);
        System.out.println(r.describe());
        assertEquals(2, r.runs().size());
    }

    /** 1 when the user of each sequence bought anything at or after the cut-off. */
    private static double[] boughtAfter(Interactions log, UserSequences seqs, long cutoff) {
        boolean[] bought = new boolean[log.numUsers()];
        for (int r = 0; r < log.size(); r++) {
            if (log.type(r) == EventType.PURCHASE && log.timestamp(r) >= cutoff) {
                bought[log.user(r)] = true;
            }
        }
        double[] y = new double[seqs.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = bought[seqs.userIndices()[i]] ? 1 : 0;
        }
        return y;
    }
}
