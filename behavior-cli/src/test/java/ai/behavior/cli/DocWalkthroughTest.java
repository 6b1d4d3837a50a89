package ai.behavior.cli;

import ai.behavior.cli.config.TrainConfig;
import ai.behavior.cli.model.PurchaseModels;
import ai.behavior.cli.model.RecommenderModels;
import ai.behavior.cli.config.OptionsBinder;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.progress.ProgressListener;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the walk-through of {@code docs/cli.md} exactly as written: every {@code java -jar
 * behavior-cli/target/behavior.jar ...} line of its {@code bash} block goes through the picocli entry point
 * in-process, and every {@code cat > FILE <<'EOF'} block is written, with the demo folder moved into a
 * temporary one. Any other line in the block fails the test, so nothing in it goes untried.
 */
class DocWalkthroughTest {
    private static final String JAR = "java -jar behavior-cli/target/behavior.jar ";
    private static final String DEMO = "/tmp/behavior-demo";

    @TempDir
    Path tmp;

    @Test
    void everyWalkthroughCommandRunsAndSucceeds() throws IOException {
        String doc = Files.readString(docs().resolve("cli.md"));
        List<String> block = walkthroughBlock(doc);
        String demo = tmp.resolve("behavior-demo").toString();
        int commands = 0;
        StringBuilder outputs = new StringBuilder();
        for (int k = 0; k < block.size(); k++) {
            String line = block.get(k);
            if (line.isBlank() || line.startsWith("#") || line.equals("rm -rf " + DEMO)) {
                continue;
            }
            if (line.startsWith("cat > ") && line.endsWith("<<'EOF'")) {
                Path file = Path.of(line.substring(6, line.length() - 7).strip().replace(DEMO, demo));
                StringBuilder text = new StringBuilder();
                while (!block.get(++k).equals("EOF")) {
                    text.append(block.get(k)).append('\n');
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } else if (line.startsWith(JAR)) {
                List<String> args = new ArrayList<>();
                for (String a : tokens(line.substring(JAR.length()))) {
                    args.add(a.replace(DEMO, demo));
                }
                Cli.Result r = Cli.run(args.toArray(new String[0]));
                assertEquals(ExitCode.OK, r.code(), line + "\n" + r);
                outputs.append(r.out());
                commands++;
            } else {
                fail("docs/cli.md walk-through has a line this test does not run: " + line);
            }
        }
        assertTrue(commands >= 6, "the walk-through runs generate, describe, split, train, evaluate, recommend: "
                + commands);
        // The describe numbers pasted in the doc are the ones these commands print (the shop is seeded).
        for (String line : outputs.toString().split("\n")) {
            if (line.matches("(events|users|items|sessions|sparsity|events per user) +.*")) {
                assertTrue(doc.contains(line), "docs/cli.md shows an older describe output; expected the line\n"
                        + line);
            }
        }
    }

    /** The first {@code ```bash} block after the {@code ## Walk-through} heading, joined at line continuations. */
    static List<String> walkthroughBlock(String doc) {
        int heading = doc.indexOf("\n## Walk-through");
        assertTrue(heading >= 0, "docs/cli.md has no '## Walk-through' section");
        int start = doc.indexOf("```bash\n", heading);
        int end = doc.indexOf("\n```", start + 8);
        assertTrue(start >= 0 && end > start, "no bash block in the walk-through");
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : doc.substring(start + 8, end + 1).split("\n", -1)) {
            if (raw.endsWith("\\")) {
                pending.append(raw, 0, raw.length() - 1).append(' ');
                continue;
            }
            lines.add((pending + raw).strip());
            pending.setLength(0);
        }
        return lines;
    }

    /** Shell-like words: whitespace separates, single and double quotes group. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            fail("unbalanced quote in: " + line);
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    @Test
    void everyJsonBlockIsAValidConfiguration() throws IOException {
        String doc = Files.readString(docs().resolve("cli.md"));
        Interactions validation = Interactions.builder().add("u1", "i1", EventType.RATING, 1L, 4f).build();
        OptionsBinder.Context context = new OptionsBinder.Context(validation, "cli.md");
        int blocks = 0;
        for (int at = doc.indexOf("```json\n"); at >= 0; at = doc.indexOf("```json\n", at + 1)) {
            String json = doc.substring(at + 8, doc.indexOf("\n```", at + 8));
            TrainConfig c = TrainConfig.parse("cli.md block " + (++blocks), JsonParser.parseString(json));
            if (c.model().recommender()) {
                RecommenderModels.bindOptions(c.model(), c.options(), context, ProgressListener.quiet());
            } else {
                PurchaseModels.Options.bind(c.model(), c.options(), context);
            }
        }
        assertTrue(blocks >= 3, "configuration examples in docs/cli.md: " + blocks);
    }

    @Test
    void tokensFollowShellQuoting() {
        assertEquals(List.of("a", "b c", "d", "e'f"), tokens("a 'b c'  d \"e'f\""));
    }

    private static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/cli.md"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/cli.md not found above " + Path.of("").toAbsolutePath());
    }
}
