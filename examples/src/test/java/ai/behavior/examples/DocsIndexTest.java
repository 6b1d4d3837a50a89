package ai.behavior.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guides stay findable: docs/README.md links every guide, every relative link in the guides and the README
 * points at a file that exists, and every runnable example (a public class with a {@code main}) is listed with its
 * command in docs/getting-started.md.
 */
class DocsIndexTest {
    private static final Path ROOT = Path.of(System.getProperty("behavior.root", ".."));
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+\\.md)(#[^)]*)?\\)");

    @Test
    void theIndexLinksEveryGuide() throws IOException {
        String index = Files.readString(ROOT.resolve("docs/README.md"));
        List<String> missing = new ArrayList<>();
        for (Path guide : guides()) {
            String name = guide.getFileName().toString();
            if (!name.equals("README.md") && !index.contains("](" + name + ")")) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "guides docs/README.md does not link");
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> pages = new ArrayList<>(guides());
        pages.add(ROOT.resolve("README.md"));
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!Files.isRegularFile(page.getParent().resolve(m.group(1)))) {
                    broken.add(page.getFileName() + " -> " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), broken, "links to files that do not exist");
    }

    @Test
    void everyExampleIsListedWithItsCommand() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/getting-started.md"));
        Path sources = Path.of("src/main/java/ai/behavior/examples");
        int examples = 0;
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                String name = f.getFileName().toString().replace(".java", "");
                if (text.contains("public static void main(String[] args)")) {
                    examples++;
                    String command = name.equals("QuickStart") ? "java -jar examples/target/behavior-quickstart.jar"
                            : "java -cp examples/target/behavior-quickstart.jar ai.behavior.examples." + name;
                    assertTrue(guide.contains(command), "docs/getting-started.md lacks the command of " + name);
                    assertTrue(text.contains(command), name + "'s Javadoc lacks its command");
                }
            }
        }
        assertTrue(examples >= 7, "found only " + examples + " examples with a main method");
    }

    private static List<Path> guides() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return docs.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
