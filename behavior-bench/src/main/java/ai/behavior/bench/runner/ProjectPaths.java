package ai.behavior.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the runner looks for data and writes results when the command line does not say.
 *
 * <pre>{@code
 * Path data = ProjectPaths.defaultDatasets(System.getProperty(ProjectPaths.DATASETS_PROPERTY), Path.of(""));
 * Path out = ProjectPaths.defaultOut(Path.of(""));
 * }</pre>
 *
 * <p>Datasets: the system property {@value #DATASETS_PROPERTY} when set; otherwise {@code ../shared/datasets}
 * resolved against the project root, the nearest folder at or above the current directory whose
 * {@code pom.xml} is the parent pom ({@code behavior-parent}); outside the project, against the current
 * directory. Results: {@code bench-results/runner.jsonl} under the same project root (or current directory).
 */
public final class ProjectPaths {
    /** System property naming the datasets root (the build sets it for tests). */
    public static final String DATASETS_PROPERTY = "behavior.datasets";

    private static final String PARENT_ARTIFACT = "<artifactId>behavior-parent</artifactId>";

    private ProjectPaths() {
    }

    /** The datasets root: {@code property} when non-blank, else {@code ../shared/datasets} from the base. */
    public static Path defaultDatasets(String property, Path cwd) {
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip()).toAbsolutePath().normalize();
        }
        return base(cwd).resolve("../shared/datasets").normalize();
    }

    /** The results file: {@code bench-results/runner.jsonl} under the base. */
    public static Path defaultOut(Path cwd) {
        return base(cwd).resolve("bench-results").resolve("runner.jsonl");
    }

    /** The project root at or above {@code cwd}, if any. */
    public static Optional<Path> projectRoot(Path cwd) {
        for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && isParentPom(pom)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path base(Path cwd) {
        return projectRoot(cwd).orElse(cwd.toAbsolutePath().normalize());
    }

    private static boolean isParentPom(Path pom) {
        try {
            // the parent's own artifactId sits before any <parent> or <modules> of a child; a child pom names
            // behavior-parent only inside its <parent> block, after which comes its own artifactId
            String text = Files.readString(pom);
            int parentBlock = text.indexOf("<parent>");
            int own = text.indexOf(PARENT_ARTIFACT);
            return own >= 0 && (parentBlock < 0 || own < parentBlock);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
