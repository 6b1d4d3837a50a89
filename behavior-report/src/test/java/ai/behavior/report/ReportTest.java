package ai.behavior.report;

import ai.behavior.eval.EvaluationProtocol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    private static String html;

    @BeforeAll
    static void render() {
        html = Fixture.report().toHtml();
    }

    @Test
    void pageReferencesNothingOutsideItself() {
        assertFalse(html.contains("http"), "a link or namespace URL would reach the network");
        assertFalse(html.contains("://"), "a URL of some scheme");
        assertFalse(html.contains("src="), "an image, script or frame source");
        assertFalse(html.toLowerCase().contains("<script"), "a script");
        assertFalse(html.toLowerCase().contains("<link"), "an external style sheet or font");
        assertFalse(html.contains("@import") || html.contains("@font-face"), "an imported style or font");
        Matcher url = Pattern.compile("url\\((.)").matcher(html);
        while (url.find()) {
            assertEquals("#", url.group(1), "every CSS url() points into the page");
        }
        Matcher href = Pattern.compile("href=\"(.)").matcher(html);
        while (href.find()) {
            assertEquals("#", href.group(1), "every link points into the page");
        }
    }

    @Test
    void pageHasEverySection() {
        for (String id : List.of("protocol", "data-summary", "metrics", "roc", "precision-recall", "calibration",
                "training", "metric-at-k", "metric-at-k-2", "feature-importance")) {
            assertTrue(html.contains("<section id=\"" + id + "\""), "section " + id);
            assertTrue(html.contains("<a href=\"#" + id + "\">"), "navigation link to " + id);
        }
        assertEquals(6, count(html, "<svg"), "one inline SVG per plot");
        assertTrue(html.contains(Html.escape(Fixture.PURCHASE_PROTOCOL.describe())), "main protocol line");
        assertTrue(html.contains(Html.escape(Fixture.RANKING_PROTOCOL.describe())), "ranking table's protocol");
        assertTrue(html.contains("<h3>Other protocols on this page</h3>"));
        assertTrue(html.contains("<th scope=\"row\">recall@20</th><td>0.1880</td><td>0.1120</td>"), "results table");
        assertTrue(html.contains("<th scope=\"row\">users</th><td>"), "data summary");
        assertTrue(html.contains("<pre>feature | mean\nx1      | 0.31"), "text section");
    }

    @Test
    void textIsEscaped() {
        assertTrue(html.contains("<h1>Purchase model &amp; recommenders &lt;evaluation&gt;</h1>"));
        assertFalse(html.contains("<evaluation>"));
        assertEquals("a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#39;", Html.escape("a&b <c> \"d\" 'e'"));
        assertEquals("recall-k", Html.slug("Recall @ K!"));
        assertEquals("section", Html.slug("***"));
    }

    @Test
    void elementIdsAreUniqueAcrossTheInlineSvgs() {
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        while (m.find()) {
            if (!seen.add(m.group(1))) {
                repeated.add(m.group(1));
            }
        }
        assertTrue(repeated.isEmpty(), "repeated ids " + repeated);
        assertTrue(seen.size() > 20, "clip paths have ids");
    }

    @Test
    void equalInputGivesTheSamePage() {
        assertEquals(html, Fixture.report().toHtml());
    }

    /** Writes into the build folder's report-check/page/, where a person can open the page and plots. */
    @Test
    void writesThePageAndEveryPlot() throws Exception {
        Path dir = Path.of(System.getProperty("report.outputDir", "target/report-check"), "page");
        Files.createDirectories(dir);
        Report r = Fixture.report();
        Path page = dir.resolve("report.html");
        r.writeHtml(page);
        assertEquals(html, Files.readString(page, StandardCharsets.UTF_8));
        List<Path> files = r.savePlots(dir.resolve("plots"));
        assertEquals(12, files.size());
        assertTrue(Files.exists(dir.resolve("plots/metric-at-k-2.svg")));
        BufferedImage png = ImageIO.read(dir.resolve("plots/training.png").toFile());
        assertEquals(Plot.DEFAULT_WIDTH, png.getWidth());
        assertTrue(Images.luminanceSd(png) > 10);
    }

    @Test
    void aReportNeedsAProtocol() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Report.builder("t").plot(Plots.trainingHistory(Fixture.history())).build());
        assertTrue(e.getMessage().contains("no evaluation protocol"), e.getMessage());
        Report fromMetrics = Report.builder("t").metrics(Fixture.ranking()).build();
        assertEquals(Fixture.RANKING_PROTOCOL, fromMetrics.protocol());
        String page = fromMetrics.toHtml();
        assertFalse(page.contains("Other protocols"), "one protocol, so nothing else to list");
        assertFalse(page.contains("id=\"data-summary\""), "no data summary was given");
        assertThrows(IllegalArgumentException.class, () -> Report.builder(" "));
        assertThrows(IllegalArgumentException.class,
                () -> Report.builder("t").protocol(EvaluationProtocol.pointwise("x")).text(" ", "body"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
