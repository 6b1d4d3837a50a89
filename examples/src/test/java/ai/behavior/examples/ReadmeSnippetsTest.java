package ai.behavior.examples;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.io.CsvInteractionReader;
import ai.behavior.io.InteractionSchema;
import ai.behavior.io.ReadOptions;
import ai.behavior.io.ReadPolicy;
import ai.behavior.io.ReadResult;
import ai.behavior.io.TimestampFormat;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RocAuc;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import ai.behavior.synth.ViewTruth;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the README's Java snippets, each block pasted unchanged between the marked lines, and checks that
 * every line of every README Java block appears here, so the README cannot drift from code that compiles.
 */
class ReadmeSnippetsTest {
    @Test
    void readmeSnippetsRun() throws IOException {
        Path events = Path.of("events.csv"); // the README reads from the working directory
        Files.writeString(events, "user_id,item_id,behavior_type,timestamp\n1,10,pv,1511544070\n1,11,buy,1511544080\n"
                + "2,10,pv,1511544090\n2,10,zap,1511544091\n2,12,cart,1511544100\n");
        try {
            readAndScore();
        } finally {
            Files.deleteIfExists(events);
        }
    }

    private static void readAndScore() throws IOException {
        // --- README block 1 ---
        InteractionSchema schema = InteractionSchema.builder()
                .user("user_id").item("item_id")
                .eventType("behavior_type", Map.of("pv", EventType.VIEW, "cart", EventType.CART,
                        "fav", EventType.FAVOURITE, "buy", EventType.PURCHASE))
                .timestamp("timestamp", TimestampFormat.EPOCH_SECONDS)
                .build();
        ReadResult read = CsvInteractionReader.read(Path.of("events.csv"), schema,
                ReadOptions.defaults().withPolicy(ReadPolicy.SKIP));
        System.out.println(read.report().summary());
        Interactions log = read.interactions();
        // --- end ---
        assertEquals(4, log.size());
        assertEquals(1, read.report().rowsSkipped());

        int[] truth = {0, 1, 0, 1};
        double[] scores = {0.1, 0.8, 0.3, 0.6};
        int[] recommendedItems = {0, 1};
        int[] heldOutItems = {1};
        // --- README block 2 ---
        SplitResult split = LeaveLastOut.of(1).apply(log);          // last event of each user, by time
        double auc = RocAuc.of(truth, scores);                       // ties count 1/2
        RankingAccumulator acc = new RankingAccumulator(log.numItems(), 10, 20);
        acc.add(recommendedItems, heldOutItems);                     // per user
        MetricsReport report = MetricsReport.builder("top-N", EvaluationProtocol.fullRanking(split.describe(), 10, 20))
                .row("popularity", acc.result()).build();
        System.out.println(report.toTable());                        // the protocol is printed above the numbers
        // --- end ---
        assertEquals(1.0, auc);
        assertEquals(1.0, report.value("popularity", "recall@10"));

        // --- README block 3 ---
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(2_000).withSeed(7));
        ViewTruth views = shop.truth().views();                      // true purchase probability of every view
        // --- end ---
        assertTrue(views.size() > 0);
    }

    @Test
    void everyReadmeJavaLineIsInThisTest() throws IOException {
        Path readme = Path.of(System.getProperty("behavior.root", ".."), "README.md");
        String self = Files.readString(Path.of("src/test/java/ai/behavior/examples/ReadmeSnippetsTest.java"));
        List<String> missing = new ArrayList<>();
        boolean inJava = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("```")) {
                inJava = line.equals("```java");
                continue;
            }
            String code = line.strip();
            if (inJava && !code.isEmpty() && !self.contains(code)) {
                missing.add(code);
            }
        }
        assertEquals(List.of(), missing, "README Java lines not exercised by this test");
    }
}
