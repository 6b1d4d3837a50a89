package ai.behavior.bench.runner;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** als-speed's check for Spark, which decides between timing Spark and reporting it as skipped. */
class SparkPeerTest {
    @Test
    void sparkIsFoundOnTheTestClassPath() {
        // provided-scope dependencies are on the test class path
        assertEquals(Optional.empty(), SparkPeer.unavailable());
    }

    @Test
    void aMissingClassGivesAReasonNamingItAndTheFix() {
        String why = SparkPeer.unavailable("java.lang.String", "org.example.NoSuchSparkClass").orElseThrow();
        assertTrue(why.startsWith("Spark MLlib is not on the class path (org.example.NoSuchSparkClass did not load:"),
                why);
        assertTrue(why.contains("peer-lib/"), why);
    }
}
