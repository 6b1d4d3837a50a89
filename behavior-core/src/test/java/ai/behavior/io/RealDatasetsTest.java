package ai.behavior.io;

import ai.behavior.data.Dataset;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads the real datasets in {@code ../shared/datasets} (path from system property {@code behavior.datasets})
 * and checks the statistics their cards publish. Skips with a message when the folder is absent.
 */
class RealDatasetsTest {
    private static Path datasets(String sub) {
        String root = System.getProperty("behavior.datasets", "../shared/datasets");
        Path p = Path.of(root, sub);
        assumeTrue(Files.isDirectory(p), "real dataset folder " + p.toAbsolutePath().normalize()
                + " is absent: skipping (see shared/datasets/README.md)");
        return p;
    }

    @Test
    void movieLens100kMatchesItsCard() throws IOException {
        Dataset ml = MovieLens.read(datasets("ml-100k"));
        Interactions log = ml.interactions();
        assertEquals(100_000, log.size());
        assertEquals(943, log.numUsers());
        assertEquals(1682, log.numItems());
        assertEquals(Map.of(EventType.RATING, 100_000), log.countByType());
        double sum = 0;
        for (int r = 0; r < log.size(); r++) {
            sum += log.value(r);
        }
        assertEquals(3.530, sum / log.size(), 5e-4);
        assertEquals(943, ml.users().size());
        assertEquals(1682, ml.items().size());
        assertEquals(24.0, ml.users().numeric("age").get(ml.users().keys().indexOf("1")));
        assertEquals(670, countLabel(ml.users().categorical("gender"), "M"));
        assertEquals("1997-09-20T03:05:10Z", java.time.Instant.ofEpochMilli(log.minTimestamp()).toString());
        assertEquals("1998-04-22T23:10:38Z", java.time.Instant.ofEpochMilli(log.maxTimestamp()).toString());
    }

    @Test
    void taobaoMatchesItsCardAndSortsEachUserByTime() throws IOException {
        Dataset tb = TaobaoUserBehavior.read(datasets("taobao-userbehavior").resolve("UserBehavior_head.csv"));
        Interactions log = tb.interactions();
        assertEquals(84_287, log.size());
        assertEquals(814, log.numUsers());
        assertEquals(55_233, log.numItems());
        assertEquals(Map.of(EventType.VIEW, 75_693, EventType.CART, 4_494, EventType.FAVOURITE, 2_351,
                EventType.PURCHASE, 1_749), log.countByType());
        assertEquals(2_911, tb.items().categorical("category").vocabulary().size());
        UserHistories h = log.byUser();
        for (int u = 0; u < h.numUsers(); u++) {
            for (int p = h.start(u) + 1; p < h.end(u); p++) {
                assertTrue(log.timestamp(h.row(p - 1)) <= log.timestamp(h.row(p)));
            }
        }
    }

    private static int countLabel(ai.behavior.data.AttributeTable.CategoricalColumn c, String label) {
        int n = 0;
        for (int r = 0; r < c.vocabulary().size() + 2000; r++) {
            if (r < 943 && label.equals(c.label(r))) {
                n++;
            }
        }
        return n;
    }
}
