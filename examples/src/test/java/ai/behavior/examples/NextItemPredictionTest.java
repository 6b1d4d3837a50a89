package ai.behavior.examples;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.MetricsReport;
import ai.behavior.feature.sequence.SequenceBuilder;
import ai.behavior.feature.sequence.UserSequences;
import ai.behavior.models.sequence.EventSequences;
import ai.behavior.models.sequence.NextItem;
import ai.behavior.models.sequence.NextItemEvaluation;
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
    }

    @Test
    void printsBothProtocolsOnASmallSyntheticShop(@TempDir Path out) throws Exception {
        String text = run("--synthetic", "200", "--grid", "defaults", "--epochs", "2", "--quiet", "--json",
                out.toString());
        assertTrue(text.contains("candidates=full ranking; seen items kept"), text);
        assertTrue(text.contains("candidates=100 uniformly sampled negatives per held-out item"), text);
        assertTrue(text.contains("wall time"), text);
        MetricsReport full = MetricsReport.fromJson(Files.readString(out.resolve("full.json")));
        MetricsReport sampled = MetricsReport.fromJson(Files.readString(out.resolve("sampled.json")));
        assertEquals(3, full.rows().size());
        assertEquals("popularity", sampled.rows().get(0).name());
        assertTrue(full.rows().get(2).name().startsWith("Transformer"));
    }

    @Test
    void onMovieLensTheTransformerBeatsPopularityOnBothProtocols(@TempDir Path out) throws Exception {
        Path data = Path.of(System.getProperty("behavior.datasets", "../shared/datasets"), "ml-100k");
        assumeTrue(Files.isDirectory(data), "real dataset folder " + data.toAbsolutePath().normalize()
                + " is absent: skipping the ML-100K next-item check");
        // a few epochs of the chosen Transformer only: the full table is the example's job
        run("--data", data.toString(), "--grid", "defaults", "--models", "Transformer", "--epochs", "6", "--quiet",
                "--json", out.toString());
        for (String protocol : new String[] {"full.json", "sampled.json"}) {
            MetricsReport r = MetricsReport.fromJson(Files.readString(out.resolve(protocol)));
            String transformer = r.rows().get(1).name();
            for (String metric : new String[] {"hit@10", "ndcg@10"}) {
                assertTrue(r.value(transformer, metric) > r.value("popularity", metric), protocol + " " + metric
                        + ": " + r.value(transformer, metric) + " vs popularity " + r.value("popularity", metric));
            }
        }
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
            int[][] next = model.recommend(EventSequences.histories(log), 10);   // item codes of log.items()
            model.save(dir.resolve("next-item"));
            assertEquals(10, next[0].length);
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
