package ai.behavior.cli;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A small synthetic shop written by {@code behavior generate}, shared by the tests of one class. */
final class Shop {
    private Shop() {
    }

    /** Generates 300 users over 30 days (seed 7) into {@code dir} and returns {@code dir}. */
    static Path generate(Path dir) {
        Cli.Result r = Cli.run("generate", "--users", "300", "--days", "30", "--seed", "7", "--out", dir.toString());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        return dir;
    }
}
