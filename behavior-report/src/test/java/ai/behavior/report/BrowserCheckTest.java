package ai.behavior.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the fixture report in a real headless Chromium and checks the screenshot. Runs only when a
 * {@code chromium} (or {@code chromium-browser}) executable is on the PATH; on Debian: {@code apt-get install
 * chromium}. The page and the screenshot stay in {@code report-check/browser/} under the build folder so a
 * person can look at them.
 */
class BrowserCheckTest {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 2400;

    private static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Best-effort removal of the throw-away browser profile: a leftover temp folder is not a test failure. */
    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }

    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        Optional<Path> browser = chromium();
        Assumptions.assumeTrue(browser.isPresent(),
                "skipped: no chromium on the PATH (apt-get install chromium) to render the report in");
        Path dir = Path.of(System.getProperty("report.outputDir", "target/report-check"), "browser")
                .toAbsolutePath();
        Files.createDirectories(dir);
        Path page = dir.resolve("report.html");
        Path shot = dir.resolve("report-screenshot.png");
        Files.deleteIfExists(shot);
        Fixture.report().writeHtml(page);
        Path profile = Files.createTempDirectory("chromium-profile");
        // the flags keep a sandboxed, offline machine quiet: no background fetches, updates or sync
        ProcessBuilder pb = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + shot,
                page.toUri().toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile());
        Process process = pb.start();
        boolean finished;
        try {
            finished = process.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            deleteTree(profile);
        }
        assertTrue(finished, "chromium did not finish within 90 s; see " + dir.resolve("chromium.log"));
        assertTrue(Files.exists(shot), "no screenshot; chromium exit " + process.exitValue() + ", see "
                + dir.resolve("chromium.log"));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(Images.luminanceSd(image) > 20, "the screenshot looks blank");
        // the page's CSS header colour and the plots' first line colour prove styles and inline SVG rendered
        assertTrue(Images.countNear(image, 0x1F3A5F, 4) > 20_000, "no header: the inline CSS did not apply");
        assertTrue(Images.countNear(image, 0x0072B2, 30) > 300, "no plot line: the inline SVG did not render");
    }
}
