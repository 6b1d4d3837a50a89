package ai.behavior.bench.runner;

import ai.behavior.bench.peers.SparkAls;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner jar's {@code Add-Opens} manifest attribute (the {@code spark.add.opens} property of this
 * module's pom) must open exactly what {@link SparkAls#JAVA17_JVM_FLAGS} opens, so the two cannot drift.
 */
class RunnerManifestTest {
    @Test
    void addOpensMatchesSparksJava17Flags() throws IOException {
        String pom = Files.readString(Path.of("pom.xml")); // surefire runs in the module folder
        Matcher m = Pattern.compile("<spark.add.opens>([^<]*)</spark.add.opens>").matcher(pom);
        assertTrue(m.find(), "pom.xml has no <spark.add.opens> property");
        List<String> manifest = Arrays.stream(m.group(1).trim().split("\\s+")).sorted().toList();
        List<String> spark = SparkAls.JAVA17_JVM_FLAGS.stream()
                .filter(f -> f.startsWith("--add-opens="))
                .map(f -> f.substring("--add-opens=".length(), f.length() - "=ALL-UNNAMED".length()))
                .sorted().toList();
        assertEquals(15, spark.size());
        assertEquals(spark, manifest);
        assertTrue(pom.contains("<Add-Opens>${spark.add.opens}</Add-Opens>"));
        assertTrue(pom.contains("<Launcher-Agent-Class>" + PeerLib.class.getName() + "</Launcher-Agent-Class>"));
    }
}
