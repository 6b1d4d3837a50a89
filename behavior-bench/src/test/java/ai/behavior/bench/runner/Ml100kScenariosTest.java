package ai.behavior.bench.runner;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ML-100K scenarios run end to end through the command line on a tiny generated folder in the same
 * format ({@link TinyMovieLens}: 30 users × 12 items, every rating 3 stars), so reading, splitting, every
 * model, evaluation, the table and the JSON lines are all exercised without the real data.
 */
class Ml100kScenariosTest {
    @TempDir
    Path tmp;

    @Test
    void ratingScenarioOnTheFixture() throws IOException {
        Path data = TinyMovieLens.write(tmp, 30, 12);
        Path out = tmp.resolve("out.jsonl");
        CliRun r = CliRun.of(Scenarios.all(), "run", "ml100k-rating", "--data", data.toString(), "--out",
                out.toString(), "--threads", "2");
        assertEquals(BenchCli.OK, r.exit(), r.err());
        assertTrue(r.out().contains("ml100k-rating: 360 ratings, 30 users, 12 items"), r.out());

        List<JsonObject> lines = JsonLines.read(out);
        assertEquals(5 * 5, lines.size()); // 5 models x (RMSE, RMSE sd, MAE, MAE sd, fit s/fold)
        Set<String> models = new LinkedHashSet<>();
        for (JsonObject o : lines) {
            models.add(o.get("model").getAsString());
            assertEquals("ml100k-rating", o.get("scenario").getAsString());
            assertEquals("ml-100k", o.get("dataset").getAsString());
            assertEquals("protocol: dataset=ml-100k; split=5-fold CV by event, seed 42; ordering=random order;"
                    + " candidates=each labelled row scored (pointwise); seed=42", o.get("protocol").getAsString());
            assertEquals(1, o.get("threads").getAsInt()); // the rating trainers are single-threaded
            String metric = o.get("metric").getAsString();
            if (!metric.equals("fit s/fold")) {
                // every rating is 3: the baseline predicts mean 3 + zero biases and MF clips to the data's
                // range [3, 3], so every prediction is 3 and every error 0
                assertEquals(0.0, o.get("value").getAsDouble(), 1e-9, o.toString());
            }
        }
        assertEquals(List.of("baseline (mean + biases)", "MF SGD, Surprise SVD defaults (100 f, 20 epochs)",
                "MF SGD, 100 f, 50 epochs, lr .01, reg .1", "MF ALS-WR, rank 10, lambda .1",
                "MF ALS-WR, rank 50, lambda .12"), List.copyOf(models));
    }

    @Test
    void topNScenarioOnTheFixture() throws IOException {
        Path data = TinyMovieLens.write(tmp, 30, 12);
        Path out = tmp.resolve("out.jsonl");
        CliRun r = CliRun.of(Scenarios.all(), "run", "ml100k-topn", "--data", data.toString(), "--out",
                out.toString(), "--threads", "2");
        assertEquals(BenchCli.OK, r.exit(), r.err());
        assertTrue(r.out().contains("ml100k-topn: 270 train / 90 test events, 30 users, 12 items"), r.out());

        List<JsonObject> lines = JsonLines.read(out);
        assertEquals(5 * 8, lines.size()); // 5 models x (7 metrics @10 + fit seconds)
        for (JsonObject o : lines) {
            assertTrue(o.get("protocol").getAsString().startsWith("protocol: dataset=ml-100k; split=random 75/25"),
                    o.toString());
            assertTrue(o.get("protocol").getAsString().contains("candidates=full ranking; seen items excluded;"
                    + " K=[10]; seed=42; truth: "), o.toString());
            assertEquals(2, o.get("threads").getAsInt());
            double v = o.get("value").getAsDouble();
            // every user rated all 12 items: 9 train, 3 test (floor of 75 % and 25 % of 12), so the 3 unseen
            // items are exactly the 3 held out and any ranker's top 10 holds all of them, best first:
            // recall = hit = NDCG = MRR = MAP = 1 and precision = 3 hits / K 10 = 0.3, for every model
            switch (o.get("metric").getAsString()) {
                case "precision@10" -> assertEquals(0.3, v, 1e-12, o.toString());
                case "recall@10", "ndcg@10", "hit@10", "mrr@10", "map@10" -> assertEquals(1.0, v, 1e-12, o.toString());
                case "coverage@10", "fit seconds" -> assertTrue(v >= 0, o.toString());
                default -> throw new AssertionError("unexpected metric " + o);
            }
        }
        assertTrue(r.out().contains("model                                   | precision@10 |"), r.out());
    }
}
