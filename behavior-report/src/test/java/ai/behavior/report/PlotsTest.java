package ai.behavior.report;

import ai.behavior.analysis.Calibration;
import ai.behavior.eval.MetricsReport;
import ai.behavior.metric.PrecisionRecallCurve;
import ai.behavior.metric.RocCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {
    /** Truth and scores of RocAuc's Javadoc example: AUC 0.75. */
    private static final int[] TRUTH = {0, 0, 1, 1};
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};

    private static List<String> names(Plot p) {
        List<String> out = new ArrayList<>();
        p.draw().getSeriesCollection().forEach(s -> out.add(s.getName()));
        return out;
    }

    private static XYSeries series(Plot p, String name) {
        XYChart chart = p.draw();
        XYSeries s = chart.getSeries(name);
        if (s == null) {
            throw new AssertionError("no series '" + name + "' in " + names(p));
        }
        return s;
    }

    @Test
    void rocLegendCarriesTheAreaAndTheCurveItsPoints() {
        Plot p = Plots.roc("model", RocCurve.of(TRUTH, SCORES));
        assertEquals(List.of("random", "model (AUC 0.750)"), names(p));
        // thresholds +inf, .8, .4, .35, .1 -> (fpr, tpr) = (0,0), (0,.5), (.5,.5), (.5,1), (1,1)
        XYSeries s = series(p, "model (AUC 0.750)");
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, s.getXData(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, s.getYData(), 1e-12);
        assertEquals("roc", p.kind());
        assertEquals("ROC curve", p.title());
    }

    @Test
    void precisionRecallStepsHaveTheAveragePrecisionAsArea() {
        // descending scores .8 (pos), .4 (neg), .35 (pos), .1 (neg): (R, P) = (.5, 1), (.5, .5), (1, 2/3), (1, .5)
        // AP = .5 * 1 + 0 * .5 + .5 * 2/3 + 0 * .5 = 0.8333...; positive rate 2/4 = 0.5
        Plot p = Plots.precisionRecall("model", PrecisionRecallCurve.of(TRUTH, SCORES));
        assertEquals(List.of("no skill (positive rate 0.500)", "model (AP 0.833)"), names(p));
        XYSeries s = series(p, "model (AP 0.833)");
        double[] x = s.getXData();
        double[] y = s.getYData();
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        assertEquals(5.0 / 6, area, 1e-12);
    }

    @Test
    void calibrationPlotsOneMarkerPerNonEmptyBin() {
        // bins of 0.5: [0,.5) holds .1 .4 .35 (mean .2833, 1 positive of 3), [.5,1] holds .8 (1 of 1)
        Plot p = Plots.calibration("model", Calibration.of(TRUTH, SCORES, 2));
        Calibration c = Calibration.of(TRUTH, SCORES, 2);
        String name = String.format(java.util.Locale.ROOT, "model (ECE %.3f)", c.expectedCalibrationError());
        assertEquals(List.of("perfectly calibrated", name), names(p));
        assertArrayEquals(new double[] {0.85 / 3, 0.8}, series(p, name).getXData(), 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 1.0}, series(p, name).getYData(), 1e-12);
    }

    @Test
    void trainingHistoryPutsTheMetricOnTheRightAxis() {
        TrainingHistory h = TrainingHistory.builder("log-loss", "AUC").epoch(1, 0.6, 0.7).epoch(2, 0.5, 0.75)
                .build();
        Plot p = Plots.trainingHistory(h);
        assertEquals(List.of("training log-loss", "AUC"), names(p));
        assertEquals(0, series(p, "training log-loss").getYAxisGroup());
        assertEquals(1, series(p, "AUC").getYAxisGroup());
        assertArrayEquals(new double[] {0.7, 0.75}, series(p, "AUC").getYData(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> TrainingHistory.builder("l", "m").epoch(2, 1, 1).epoch(2, 1, 1).build());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> TrainingHistory.builder("l", "m").epoch(3, Double.NaN, 1));
        assertTrue(nan.getMessage().contains("epoch 3"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingHistory.builder("l", "m").build());
    }

    @Test
    void metricAtKReadsTheReportColumns() {
        Plot p = Plots.metricAtK(Fixture.ranking(), "Recall");
        assertEquals(List.of("implicit ALS", "popularity"), names(p));
        assertArrayEquals(new double[] {5, 10, 20, 50}, series(p, "popularity").getXData(), 0);
        assertArrayEquals(new double[] {0.043, 0.071, 0.112, 0.190}, series(p, "popularity").getYData(), 1e-12);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Plots.metricAtK(Fixture.ranking(), "mrr"));
        assertTrue(missing.getMessage().contains("recall@5"), missing.getMessage());
        MetricsReport bad = MetricsReport.builder("t", Fixture.RANKING_PROTOCOL)
                .row("m", Map.of("recall@ten", 0.1)).build();
        assertThrows(IllegalArgumentException.class, () -> Plots.metricAtK(bad, "recall"));
        Map<String, Map<Integer, Double>> nan = new LinkedHashMap<>();
        nan.put("m", Map.of(5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Plots.metricAtK("recall", nan));
        assertThrows(IllegalArgumentException.class, () -> Plots.metricAtK("recall", Map.of()));
    }

    @Test
    void axisMaximumIsRound() {
        assertEquals(0.4, Plots.niceCeiling(0.313), 1e-12);
        assertEquals(0.12, Plots.niceCeiling(0.112), 1e-12);
        assertEquals(1.0, Plots.niceCeiling(1.0), 1e-12);
        assertEquals(8.0, Plots.niceCeiling(7), 1e-12);
        assertEquals(1.0, Plots.niceCeiling(0), 0);
    }

    @Test
    void thinningKeepsEndsAndDropsNearNeighbours() {
        // gaps from the last kept point: .001 (drop), .003 (keep), .0005 (drop); the last point is always kept
        Polyline p = Polyline.thin(new double[] {0, 0.001, 0.003, 0.0035, 1}, new double[] {0, 0, 0, 0, 1}, 0.002);
        assertArrayEquals(new double[] {0, 0.003, 1}, p.x, 0);
        assertArrayEquals(new double[] {0, 0, 1}, p.y, 0);
        // a 100,000-point ROC curve is drawn with at most a few thousand points
        int n = 100_000;
        int[] truth = new int[n];
        double[] scores = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            truth[i] = r.nextInt(2);
            scores[i] = r.nextDouble() + 0.3 * truth[i];
        }
        Plot roc = Plots.roc("big", RocCurve.of(truth, scores));
        assertTrue(roc.draw().getSeriesCollection().stream().mapToInt(s -> s.getXData().length).max()
                .orElseThrow() < 2000);
    }

    @Test
    void pngIsDrawnAtTheRequestedSizeAndIsNotBlank(@TempDir Path dir) throws Exception {
        Plot p = Plots.roc("model", RocCurve.of(TRUTH, SCORES));
        Path png = dir.resolve("roc.png");
        p.savePng(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Plot.DEFAULT_WIDTH, image.getWidth());
        assertEquals(Plot.DEFAULT_HEIGHT, image.getHeight());
        assertTrue(Images.luminanceSd(image) > 10, "blank-looking PNG");
        assertTrue(Images.countNear(image, 0x0072B2, 30) > 200, "the model's blue line is missing");
        BufferedImage big = ImageIO.read(new ByteArrayInputStream(p.withSize(400, 300).toPng(2)));
        assertEquals(800, big.getWidth());
        assertEquals(600, big.getHeight());
        assertThrows(IllegalArgumentException.class, () -> p.toPng(5));
        assertThrows(IllegalArgumentException.class, () -> p.withSize(50, 300));
    }

    @Test
    void svgIsWellFormedStandaloneSvg(@TempDir Path dir) throws Exception {
        Plot p = Plots.calibration("model", Calibration.of(TRUTH, SCORES, 2));
        Path svg = dir.resolve("cal.svg");
        p.saveSvg(svg);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getDocumentElement().getNamespaceURI().endsWith("/2000/svg"));
        assertEquals("0 0 640 440", doc.getDocumentElement().getAttribute("viewBox"));
        assertEquals("Calibration", doc.getDocumentElement().getAttribute("aria-label"));
        assertTrue(doc.getElementsByTagNameNS("*", "circle").getLength() >= 2, "bin markers");
        String inline = p.toInlineSvg("x-");
        assertTrue(inline.startsWith("<svg"), inline.substring(0, 40));
        assertTrue(!inline.contains("xmlns") && !inline.contains("DOCTYPE"), "inline SVG keeps namespaces");
        assertTrue(Files.size(svg) < 400_000, "SVG of " + Files.size(svg) + " bytes");
    }

    @Test
    void emptyInputIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Plots.roc(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Plots.precisionRecall(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Plots.calibration(Map.of()));
        Map<String, RocCurve> blank = new LinkedHashMap<>();
        blank.put(" ", RocCurve.of(TRUTH, SCORES));
        assertThrows(IllegalArgumentException.class, () -> Plots.roc(blank));
    }
}
