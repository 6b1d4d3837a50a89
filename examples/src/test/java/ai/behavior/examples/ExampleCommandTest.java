package ai.behavior.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleCommandTest {
    @Test
    void aValueTheSdkRejectsIsAOneLineErrorWithExitCodeTwo() {
        String err = stderrOf(() -> assertEquals(2, ExampleCommand.execute(
                new UserSegmentation(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                "--users", "0")));
        assertTrue(err.startsWith("error: users must be in [1, 100000000], got 0"), err);
        assertTrue(err.contains("segmentation --help lists the options"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void tooFewUsersToSegmentIsExplained() {
        // 2 generated users: at most 2 have events, and --min-k 2 needs more than 2
        String err = stderrOf(() -> assertEquals(2, ExampleCommand.execute(
                new UserSegmentation(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                "--users", "2")));
        assertTrue(err.contains("users have events: segmenting needs more than --min-k (2) of them"), err);
    }

    private static String stderrOf(Runnable r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
