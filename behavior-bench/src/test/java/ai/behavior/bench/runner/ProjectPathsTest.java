package ai.behavior.bench.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Default datasets root and results file: the system property, else relative to the project root. */
class ProjectPathsTest {
    @TempDir
    Path tmp;

    @Test
    void thePropertyWinsWhenSet() {
        assertEquals(tmp.resolve("d"), ProjectPaths.defaultDatasets(tmp.resolve("d").toString(), tmp));
        assertEquals(tmp.resolve("d"), ProjectPaths.defaultDatasets("  " + tmp.resolve("d") + " ", tmp));
    }

    @Test
    void otherwiseSharedDatasetsBesideTheProjectRootFoundByWalkingUp() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("work").resolve("main"));
        Files.writeString(root.resolve("pom.xml"), "<project><groupId>ai.behavior</groupId>"
                + "<artifactId>behavior-parent</artifactId><modules><module>bench</module></modules></project>");
        Path module = Files.createDirectories(root.resolve("bench"));
        // a module pom names the parent inside <parent>, before its own artifactId: not the root
        Files.writeString(module.resolve("pom.xml"), "<project><parent><groupId>ai.behavior</groupId>"
                + "<artifactId>behavior-parent</artifactId></parent><artifactId>bench</artifactId></project>");
        Path deep = Files.createDirectories(module.resolve("src").resolve("main"));

        assertEquals(Optional.of(root), ProjectPaths.projectRoot(deep));
        Path expected = tmp.resolve("work").resolve("shared").resolve("datasets");
        assertEquals(expected, ProjectPaths.defaultDatasets(null, deep));
        assertEquals(expected, ProjectPaths.defaultDatasets("", module));
        assertEquals(root.resolve("bench-results").resolve("runner.jsonl"), ProjectPaths.defaultOut(deep));
    }

    @Test
    void outsideAProjectTheCurrentDirectoryIsTheBase() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("x").resolve("y"));
        assertEquals(Optional.empty(), ProjectPaths.projectRoot(elsewhere));
        assertEquals(tmp.resolve("x").resolve("shared").resolve("datasets"),
                ProjectPaths.defaultDatasets(null, elsewhere));
        assertEquals(elsewhere.resolve("bench-results").resolve("runner.jsonl"), ProjectPaths.defaultOut(elsewhere));
    }
}
