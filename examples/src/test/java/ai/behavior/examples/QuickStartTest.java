package ai.behavior.examples;

import ai.behavior.eval.MetricsReport;
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

class QuickStartTest {
    @Test
    void printsReportsWithTheirProtocolAndTheBaselinesSitBetweenChanceAndTheCeiling(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickStart q = new QuickStart(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(q).execute("--users", "3000", "--seed", "11", "--json", dir.toString(), "--quiet");
        assertEquals(0, exit);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("protocol: dataset=synthetic shop, test-period views; split=temporal cut"), text);
        assertTrue(text.contains("candidates=full ranking; seen items excluded; K=[5, 10, 20]"), text);

        MetricsReport users = MetricsReport.fromJson(Files.readString(dir.resolve("users.json")));
        double logistic = users.value("logistic regression", "auc");
        double mlp = users.value("MLP 64-32", "auc");
        assertTrue(logistic > 0.7, "logistic AUC on held-out users: " + logistic);
        assertTrue(mlp > 0.7, "MLP AUC on held-out users: " + mlp);
        assertTrue(text.contains("label: purchase in the next 168 h"), text);
        assertTrue(text.contains("Top 5 for user"), text);

        MetricsReport purchase = MetricsReport.fromJson(Files.readString(dir.resolve("views.json")));
        double itemAuc = purchase.value("item conversion rate", "auc");
        double personalAuc = purchase.value("item x user conversion rate", "auc");
        double ceiling = purchase.value("planted probability (ceiling)", "auc");
        assertTrue(itemAuc > 0.6, "a train-only baseline finds signal: " + itemAuc);
        assertTrue(personalAuc > itemAuc, "the user's own rate adds signal: " + personalAuc + " vs " + itemAuc);
        assertTrue(ceiling > personalAuc + 0.05, "the planted probability is the ceiling: " + ceiling);

        MetricsReport topN = MetricsReport.fromJson(Files.readString(dir.resolve("topn.json")));
        double recall10 = topN.value("popularity", "recall@10");
        assertTrue(recall10 > 10.0 / 1000, "popularity beats random (10 of 1000 items): " + recall10);
        assertTrue(topN.value("popularity", "recall@20") >= recall10);
        assertTrue(topN.value("implicit ALS", "recall@10") > recall10, "ALS beats popularity: "
                + topN.value("implicit ALS", "recall@10") + " vs " + recall10);
    }

    @Test
    void badArgumentsNameTheOptionAndExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(new QuickStart(System.out));
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertEquals(2, cl.execute("--users", "many"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--users"), err.toString(StandardCharsets.UTF_8));
    }
}
