package ai.behavior.examples;

import ai.behavior.recsys.Recommendations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaveLoadServeTest {
    @Test
    void loadedModelsPredictExactlyAsTheOriginalsAndServingLabelsTheColdStart(@TempDir Path dir) throws IOException {
        // a folder left by an earlier run: the example must overwrite, not fail
        Files.createDirectories(dir.resolve("recommender-als-corrupted/scorer"));
        Files.writeString(dir.resolve("recommender-als-corrupted/scorer/item_factors"), "left over");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SaveLoadServe s = new SaveLoadServe(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(s).execute("--users", "1200", "--seed", "9", "--dir", dir.toString(), "--quiet");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        SaveLoadServe.Outcome o = s.outcome();

        // binary parameter files hold the exact floats and doubles, and prediction is deterministic on CPU
        assertEquals(0.0, o.logisticDiff());
        assertEquals(0.0, o.mlpDiff());
        assertEquals(0.0, o.alsDiff());
        assertEquals(0, o.servingDiffs(), "the loaded bundle serves every user's top 10 as the original did");
        for (String folder : new String[] {"purchase-logistic", "purchase-mlp", "recommender-als"}) {
            assertTrue(Files.isRegularFile(dir.resolve(folder).resolve("manifest.json")), folder);
        }
        // the recommender is one bundle: model, seen items and fallback, so serving needs no training log
        for (String part : new String[] {"scorer", "seen", "fallback"}) {
            assertTrue(Files.isRegularFile(dir.resolve("recommender-als").resolve(part).resolve("manifest.json")),
                    part);
        }

        assertEquals(Recommendations.Source.MODEL, o.known().source());
        assertEquals(5, o.known().items().size());
        for (String item : o.known().itemIds()) {
            assertTrue(!o.seenOfKnown().contains(item), "seen item " + item + " was recommended");
        }
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, o.coldStart().source());
        assertTrue(text.contains("COLD START -> popularity fallback"), text);

        assertTrue(o.corruptedError().contains("scorer: file 'item_factors' is corrupted: SHA-256"),
                o.corruptedError());
        assertTrue(text.contains("ModelFileException: "), text);
    }
}
