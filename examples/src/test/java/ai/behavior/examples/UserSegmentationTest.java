package ai.behavior.examples;

import ai.behavior.analysis.KScore;
import ai.behavior.analysis.SegmentProfile;
import ai.behavior.analysis.SegmentReport;
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

class UserSegmentationTest {
    @Test
    void choosesTheBestSilhouetteAndProfilesEveryUser() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UserSegmentation s = new UserSegmentation(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(s).execute("--users", "1500", "--seed", "3", "--max-k", "5");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);

        assertEquals(4, s.selection().scores().size(), "k = 2..5");
        KScore best = s.selection().best();
        for (KScore k : s.selection().scores()) {
            assertTrue(k.silhouette() <= best.silhouette(), "k=" + k.k() + " beats the chosen k=" + best.k());
        }
        SegmentReport report = s.report();
        assertEquals(best.k(), report.segments().size());
        int total = 0;
        for (SegmentProfile p : report.segments()) {
            total += p.users();
            assertTrue(p.users() > 0 && !p.topCategories().isEmpty(), p.toString());
        }
        assertEquals(report.totalUsers(), total, "every segmented user is in exactly one segment");
        assertTrue(text.contains("Segments at k = " + best.k()), text);
        assertTrue(text.contains("top categories"), text);
    }

    @Test
    void aMissingDataPathExitsWithThreeAndNamesTheFile(@TempDir Path empty) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(3, new CommandLine(new UserSegmentation(System.out)).execute("--data", empty.toString()));
        } finally {
            System.setErr(saved);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("expected UserBehavior_head.csv"), message);
    }

    @Test
    void aBadRangeOfKNamesTheOptions() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(new UserSegmentation(System.out));
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertEquals(2, cl.execute("--min-k", "1"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("need 2 <= --min-k <= --max-k, got --min-k 1 --max-k 8"), message);
    }

    @Test
    void segmentsTheRealTaobaoLogWhenPresent() {
        Path data = Path.of(System.getProperty("behavior.datasets", "../shared/datasets"), "taobao-userbehavior");
        assumeTrue(Files.isDirectory(data), "real dataset folder " + data.toAbsolutePath().normalize()
                + " is absent: skipping the Taobao segmentation");
        UserSegmentation s = new UserSegmentation(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertEquals(0, new CommandLine(s).execute("--data", data.toString(), "--max-k", "4"));
        // the dataset card: 814 complete users, every one with events
        assertEquals(814, s.report().totalUsers());
    }
}
