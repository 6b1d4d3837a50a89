package ai.behavior.bench.runner;

import ai.behavior.models.sequence.NextItemEvaluation;
import ai.behavior.models.sequence.SequenceOptions;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ml100k-nextitem} end to end through the command line, on a generated RecBole-format folder of "chains":
 * user {@code u} (1..30) rates items {@code s .. s+9} with {@code s = u - 1}, in that order, one second apart
 * (39 items in all: 0..38). Each user's last item tests, the one before validates.
 *
 * <p>Popularity is hand-computable there and earns nothing under either protocol. Counts come from the users'
 * first nine items: item {@code i} is counted once per user with {@code s <= i <= s + 8}, so items 8..29 all have
 * count 9, the maximum. A test item {@code s + 9} has count 9 when {@code s <= 20} and {@code 29 - s} otherwise,
 * and loses every tie. Full ranking: at least 21 other items have a count of 9, so it ranks 22nd or lower.
 * Sampled: the user has seen 10 of the 39 items, so "100 negatives" are all 29 unseen items, of which at least 12
 * (from 8..29 outside {@code [s, s + 9]}) have count 9 &gt;= the target's: rank 13 or lower. HR@10 = NDCG@10 =
 * MRR@10 = 0 in both tables.
 */
class Ml100kNextItemScenarioTest {
    @TempDir
    Path tmp;

    @Test
    void runsEveryFamilyUnderBothProtocols() throws IOException {
        Path data = writeChains(tmp, 30, 10);
        Path out = tmp.resolve("out.jsonl");
        SequenceOptions small = SequenceOptions.lstm().withDim(16).withTraining(SequenceOptions.defaultTraining()
                .withEpochs(2).withPatience(2));
        Map<String, List<SequenceOptions>> models = new LinkedHashMap<>();
        models.put("LSTM", List.of(small));
        models.put("Transformer", List.of(SequenceOptions.transformer().withDim(16).withFfn(16).withHeads(1)
                .withTraining(small.training())));
        Scenario scenario = new Ml100kNextItem(NextItemEvaluation.Options.defaults().withModels(models));
        CliRun r = CliRun.of(List.of(scenario), "run", "ml100k-nextitem", "--data", data.toString(), "--out",
                out.toString());
        assertEquals(BenchCli.OK, r.exit(), r.err());
        assertTrue(r.out().contains("ml100k-nextitem: 300 events, 30 users, 39 items"), r.out());

        List<JsonObject> lines = JsonLines.read(out);
        Set<String> protocols = new LinkedHashSet<>();
        Set<String> models3 = new LinkedHashSet<>();
        for (JsonObject o : lines) {
            String protocol = o.get("protocol").getAsString();
            protocols.add(protocol);
            String model = o.get("model").getAsString();
            models3.add(model.replaceAll(" \\(.*", ""));
            double v = o.get("value").getAsDouble();
            assertTrue(v >= 0 && v <= 1, o.toString());
            if (model.equals("popularity")) {
                assertEquals(0.0, v, 0.0, o.toString());
            }
            assertTrue(protocol.contains("dataset=ml-100k"), protocol);
        }
        assertEquals(List.of("popularity", "LSTM", "Transformer"), List.copyOf(models3));
        assertEquals(2, protocols.size(), protocols.toString());
        assertTrue(protocols.stream().anyMatch(p -> p.contains("candidates=full ranking")), protocols.toString());
        assertTrue(protocols.stream().anyMatch(p -> p.contains("candidates=100 uniformly sampled negatives")), protocols.toString());
        assertEquals(0, lines.size() % 6, "3 models x 2 protocols x the same metrics: " + lines.size());
    }

    /** {@code users} chains of {@code length} items, see the class comment. */
    private static Path writeChains(Path root, int users, int length) throws IOException {
        Path folder = Files.createDirectories(root.resolve("ml-100k"));
        StringBuilder sb = new StringBuilder("user_id:token\titem_id:token\trating:float\ttimestamp:float\n");
        long t = 880_000_000L;
        for (int u = 1; u <= users; u++) {
            for (int i = u - 1; i < u - 1 + length; i++) {
                sb.append(u).append('\t').append(i).append("\t4\t").append(t++).append('\n');
            }
        }
        Files.writeString(folder.resolve("ml-100k.inter"), sb);
        return root;
    }
}
