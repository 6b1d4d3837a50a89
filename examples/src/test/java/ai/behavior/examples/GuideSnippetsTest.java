package ai.behavior.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the guides honest: every non-blank line of every {@code ```java} block in {@code docs/*.md} must appear
 * (trimmed) in a test source of some module (any {@code src/test/java} folder), where the block runs between marked
 * lines. A guide edit that no test follows fails the build.
 */
class GuideSnippetsTest {
    @Test
    void everyGuideJavaLineIsInATest() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Set<String> testLines = new HashSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/test/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Files.readAllLines(f, StandardCharsets.UTF_8).forEach(l -> testLines.add(l.trim()));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                boolean inJava = false;
                int lineNo = 0;
                for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
                    lineNo++;
                    String t = line.trim();
                    if (t.startsWith("```")) {
                        inJava = !inJava && t.equals("```java");
                        continue;
                    }
                    if (inJava && !t.isEmpty() && !t.startsWith("//")) {   // a comment line cannot rot
                        checked++;
                        if (!testLines.contains(t)) {
                            missing.add(doc.getFileName() + ":" + lineNo + ": " + t);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 20, "found only " + checked + " guide lines; is the docs folder there?");
        assertTrue(missing.isEmpty(), "guide lines no test runs:\n" + String.join("\n", missing));
    }
}
