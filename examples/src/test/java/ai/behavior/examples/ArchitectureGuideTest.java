package ai.behavior.examples;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Java blocks of docs/architecture.md (a model folder written and read back; a new recommender plugged
 * into serving and evaluation), pasted unchanged between the marked lines.
 */
class ArchitectureGuideTest {
    // --- architecture.md block 2 ---
    /** Scores an item by the day it was last interacted with in training: the freshest first. */
    record Freshness(IdIndex users, IdIndex items, float[] lastDay) implements ItemScorer {
        static Freshness fit(Interactions train) {
            float[] last = new float[train.numItems()];
            for (int r = 0; r < train.size(); r++) {
                last[train.item(r)] = Math.max(last[train.item(r)], train.timestamp(r) / 86_400_000f);
            }
            return new Freshness(train.users(), train.items(), last);
        }

        @Override
        public boolean knowsUser(int user) {
            return true;                                                  // the same list for everyone
        }

        @Override
        public void scoreAll(int user, float[] out) {
            System.arraycopy(lastDay, 0, out, 0, out.length);
        }

        @Override
        public float score(int user, int item) {
            return lastDay[item];
        }
    }
    // --- end ---

    @Test
    void aModelFolderRoundTripsAndRefusesDamage(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("my-model");
        float[] weights = {1, 2, 3, 4, 5, 6};
        // --- architecture.md block 1 ---
        ModelWriter.create(dir, "my-model", 1)                            // type and its layout version
                .options(Map.of("factors", 3))                            // any Gson-serialisable value
                .provenance("trainedOn", "synthetic shop, seed 7")
                .floats("weights", weights, 2, 3)                         // a 2 x 3 float array file
                .commit();                                                // staged, then moved into place
        ModelReader reader = ModelReader.open(dir, "my-model", 1);        // checks every SHA-256 first
        float[] back = reader.floats("weights").data();
        // --- end ---
        assertArrayEquals(weights, back);
        assertEquals("synthetic shop, seed 7", reader.provenance("trainedOn"));
        assertTrue(Files.isRegularFile(dir.resolve("manifest.json")));

        byte[] bytes = Files.readAllBytes(dir.resolve("weights"));
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(dir.resolve("weights"), bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelReader.open(dir, "my-model", 1));
        assertTrue(e.getMessage().contains("file 'weights' is corrupted"), e.getMessage());
        ModelFileException notAFolder = assertThrows(ModelFileException.class,
                () -> ModelReader.open(tmp.resolve("nothing-here"), "my-model", 1));
        assertTrue(notAFolder.getMessage().contains("manifest.json is missing"), notAFolder.getMessage());
    }

    @Test
    void aNewScorerIsServedAndEvaluatedLikeTheBuiltInOnes() {
        Interactions log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(400).withSeed(5))
                .interactions();
        // --- architecture.md block 3 ---
        SplitResult split = LeaveLastOut.of(1).apply(log);
        Recommender fresh = new Recommender(Freshness.fit(split.train()),
                UserItemMatrix.of(split.train(), Weighting.counts()), Popularity.fit(split.train(),
                Popularity.Options.defaults()));
        TopNResult r = TopNEvaluator.evaluate(fresh, split.train(), split.test(),
                EvaluationProtocol.fullRanking(split.describe(), 10), TopNEvaluator.Options.defaults());
        // --- end ---
        assertEquals(0, r.usersOnFallback(), "Freshness knows every user");
        double recall = r.values().get("recall@10");
        assertTrue(recall >= 0 && recall <= 1, "recall@10 " + recall);
    }
}
