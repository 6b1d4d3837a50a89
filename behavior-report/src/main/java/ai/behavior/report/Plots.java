package ai.behavior.report;

import ai.behavior.analysis.Calibration;
import ai.behavior.eval.MetricsReport;
import ai.behavior.metric.PrecisionRecallCurve;
import ai.behavior.metric.RocCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Factories for the plots of an evaluation report: ROC and precision-recall curves, calibration (reliability)
 * diagrams, training history and metric@K curves. Several models can share one plot: pass a map from model
 * name to data, iterated in its own order (use a {@link LinkedHashMap}).
 *
 * <pre>{@code
 * Plots.roc("logistic", RocCurve.of(truth, scores)).savePng(Path.of("roc.png"));
 * Plots.metricAtK(metricsReport, "recall").saveSvg(Path.of("recall-at-k.svg"));
 * }</pre>
 *
 * <p>Curves with many points are thinned before drawing (a point closer than 0.002 in both axes to the
 * previous drawn point is skipped; the first and last are kept), invisible at report sizes and keeping an SVG
 * of a million-score ROC curve small. Areas in legends are computed from the full curves.
 */
public final class Plots {
    /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final Color REFERENCE = new Color(0x888888);
    private static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private Plots() {
    }

    /** The ROC curve of one model; its AUC is in the legend. */
    public static Plot roc(String model, RocCurve curve) {
        return roc(single(model, curve));
    }

    /** ROC curves of several models on one plot, with the random-scoring diagonal. */
    public static Plot roc(Map<String, RocCurve> curves) {
        nonEmpty(curves, "ROC curves");
        Layout layout = new Layout("false-positive rate", "true-positive rate", Styler.LegendPosition.InsideSE)
                .unit().reference("random", new double[] {0, 1}, new double[] {0, 1});
        for (Map.Entry<String, RocCurve> e : curves.entrySet()) {
            RocCurve c = e.getValue();
            Polyline p = Polyline.thin(c.fpr(), c.tpr(), Polyline.MIN_GAP);
            layout.line(String.format(Locale.ROOT, "%s (AUC %.3f)", e.getKey(), c.area()), p.x, p.y, null);
        }
        return layout.plot("roc", "ROC curve", "True-positive rate against false-positive rate as the score "
                + "threshold falls; the area under each curve (AUC) is in the legend, and the dashed diagonal is "
                + "random scoring (AUC 0.5).");
    }

    /** The precision-recall curve of one model; its average precision is in the legend. */
    public static Plot precisionRecall(String model, PrecisionRecallCurve curve) {
        return precisionRecall(single(model, curve));
    }

    /**
     * Precision-recall curves of several models, drawn as steps (precision {@code P_i} held over recall
     * {@code (R_{i-1}, R_i]}, so the area under each step curve is exactly its average precision), with the
     * first model's positive rate as the dashed no-skill line.
     */
    public static Plot precisionRecall(Map<String, PrecisionRecallCurve> curves) {
        nonEmpty(curves, "precision-recall curves");
        PrecisionRecallCurve first = curves.values().iterator().next();
        double prevalence = first.precision(first.size() - 1); // all predicted positive: precision = base rate
        Layout layout = new Layout("recall", "precision", Styler.LegendPosition.InsideNE).unit()
                .reference(String.format(Locale.ROOT, "no skill (positive rate %.3f)", prevalence),
                        new double[] {0, 1}, new double[] {prevalence, prevalence});
        for (Map.Entry<String, PrecisionRecallCurve> e : curves.entrySet()) {
            PrecisionRecallCurve c = e.getValue();
            int n = c.size();
            double[] x = new double[2 * n];
            double[] y = new double[2 * n];
            double previous = 0;
            for (int j = 0; j < n; j++) {
                x[2 * j] = previous;
                y[2 * j] = c.precision(j);
                x[2 * j + 1] = c.recall(j);
                y[2 * j + 1] = c.precision(j);
                previous = c.recall(j);
            }
            Polyline p = Polyline.thin(x, y, Polyline.MIN_GAP);
            layout.line(String.format(Locale.ROOT, "%s (AP %.3f)", e.getKey(), c.averagePrecision()), p.x, p.y,
                    null);
        }
        return layout.plot("precision-recall", "Precision-recall curve", "Precision against recall as the score "
                + "threshold falls, drawn as steps whose area is the average precision (AP, in the legend); the "
                + "dashed line is the positive rate, what random scoring achieves.");
    }

    /** The reliability diagram of one model; its expected calibration error is in the legend. */
    public static Plot calibration(String model, Calibration bins) {
        return calibration(single(model, bins));
    }

    /**
     * Reliability diagrams of several models: per non-empty bin, the observed rate of positives against the
     * mean predicted probability, with the diagonal of perfect calibration.
     */
    public static Plot calibration(Map<String, Calibration> models) {
        nonEmpty(models, "calibrations");
        Layout layout = new Layout("mean predicted probability", "observed rate of positives",
                Styler.LegendPosition.InsideNW).unit()
                .reference("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1});
        int bins = 0;
        for (Map.Entry<String, Calibration> e : models.entrySet()) {
            Calibration c = e.getValue();
            bins = c.numBins();
            layout.line(String.format(Locale.ROOT, "%s (ECE %.3f)", e.getKey(), c.expectedCalibrationError()),
                    c.bins().stream().mapToDouble(Calibration.Bin::meanPredicted).toArray(),
                    c.bins().stream().mapToDouble(Calibration.Bin::observedRate).toArray(), SeriesMarkers.CIRCLE);
        }
        return layout.plot("calibration", "Calibration", "Each point is one of " + bins + " equal-width "
                + "probability bins (empty bins left out): the mean predicted probability against the observed "
                + "rate of positives. Points on the dashed diagonal are perfectly calibrated; ECE is the "
                + "bin-size-weighted mean gap.");
    }

    /** Training loss (left axis) and validation metric (right axis) per epoch. */
    public static Plot trainingHistory(TrainingHistory history) {
        List<TrainingHistory.Epoch> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(TrainingHistory.Epoch::epoch).toArray();
        double[] loss = epochs.stream().mapToDouble(TrainingHistory.Epoch::trainingLoss).toArray();
        double[] metric = epochs.stream().mapToDouble(TrainingHistory.Epoch::validationMetric).toArray();
        String lossName = history.lossName();
        String metricName = history.metricName();
        return new Plot("training", "Training history", "Mean training " + lossName + " per epoch (left axis) "
                + "and " + metricName + " after each epoch (right axis).", () -> {
                    XYChart chart = chart("epoch", lossName);
                    XYStyler st = chart.getStyler();
                    st.setLegendPosition(Styler.LegendPosition.OutsideS);
                    st.setLegendLayout(Styler.LegendLayout.Horizontal);
                    st.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
                    st.setXAxisDecimalPattern("0");
                    XYSeries l = chart.addSeries("training " + lossName, x, loss);
                    style(l, 0, SeriesMarkers.CIRCLE);
                    XYSeries m = chart.addSeries(metricName, x, metric);
                    style(m, 1, SeriesMarkers.DIAMOND);
                    m.setYAxisGroup(1);
                    chart.setYAxisGroupTitle(0, lossName);
                    chart.setYAxisGroupTitle(1, metricName);
                    return chart;
                }, Plot.DEFAULT_WIDTH, Plot.DEFAULT_HEIGHT);
    }

    /**
     * {@code metric}@K against K for every row (model) of a metrics report that has it, read from its
     * {@code "<metric>@<K>"} columns (as {@link ai.behavior.metric.RankingResult#values()} names them; the
     * metric name is matched ignoring case).
     *
     * @throws IllegalArgumentException if no row has a {@code metric@K} column
     */
    public static Plot metricAtK(MetricsReport report, String metric) {
        Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();
        String prefix = metric.toLowerCase(Locale.ROOT) + "@";
        for (MetricsReport.Row row : report.rows()) {
            Map<Integer, Double> points = new TreeMap<>();
            row.values().forEach((name, value) -> {
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    try {
                        points.put(Integer.parseInt(name.substring(prefix.length()).strip()), value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("metric column '" + name + "' of row '" + row.name()
                                + "' does not end in an integer K", e);
                    }
                }
            });
            if (!points.isEmpty()) {
                series.put(row.name(), points);
            }
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no row of report '" + report.title() + "' has a '" + metric
                    + "@K' column; its metrics are " + report.metrics());
        }
        return metricAtK(metric, series);
    }

    /**
     * {@code metric}@K against K, one line per model; each model maps K to the metric's value.
     *
     * @throws IllegalArgumentException if a model has no points, a K below 1 or a value that is not finite
     */
    public static Plot metricAtK(String metric, Map<String, Map<Integer, Double>> models) {
        nonEmpty(models, "models");
        Layout layout = new Layout("K (list length)", metric + "@K", Styler.LegendPosition.OutsideS);
        double max = 0;
        for (Map.Entry<String, Map<Integer, Double>> e : models.entrySet()) {
            Map<Integer, Double> points = new TreeMap<>(e.getValue());
            if (points.isEmpty()) {
                throw new IllegalArgumentException("model '" + e.getKey() + "' has no " + metric + "@K points");
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            int j = 0;
            for (Map.Entry<Integer, Double> p : points.entrySet()) {
                if (p.getKey() < 1 || p.getValue() == null || !Double.isFinite(p.getValue())) {
                    throw new IllegalArgumentException("model '" + e.getKey() + "': " + metric + "@" + p.getKey()
                            + " = " + p.getValue() + "; K must be >= 1 and the value finite");
                }
                x[j] = p.getKey();
                y[j++] = p.getValue();
                max = Math.max(max, p.getValue());
            }
            layout.line(e.getKey(), x, y, SeriesMarkers.CIRCLE);
        }
        layout.yRange(0, niceCeiling(max * 1.08));
        return layout.plot("metric-at-k", metric + "@K", "Mean " + metric + " over evaluated users of each "
                + "model's top-K list, at every cut-off K.");
    }

    /**
     * The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is {@code >= v} (1 for
     * {@code v <= 0}): a round axis maximum with little wasted space.
     */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static <T> Map<String, T> single(String model, T value) {
        Map<String, T> m = new LinkedHashMap<>();
        m.put(model, value);
        return m;
    }

    private static void nonEmpty(Map<String, ?> map, String what) {
        if (map == null || map.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " to plot");
        }
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException(what + " need a model name and data, got '" + e.getKey() + "'");
            }
        }
    }

    /** A chart in the report's house style: white, light grid, sans-serif text, colour-blind-safe lines. */
    private static XYChart chart(String xTitle, String yTitle) {
        XYChart chart = new XYChart(Plot.DEFAULT_WIDTH, Plot.DEFAULT_HEIGHT);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotBorderColor(new Color(0xBBBBBB));
        st.setPlotGridLinesColor(new Color(0xE6E6E6));
        st.setChartFontColor(new Color(0x222222));
        st.setAxisTickLabelsColor(new Color(0x333333));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendBorderColor(new Color(0xCCCCCC));
        st.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        st.setChartTitleBoxVisible(false);
        st.setSeriesColors(PALETTE);
        st.setMarkerSize(7);
        st.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        st.setLocale(Locale.ROOT);
        st.setAntiAlias(true);
        return chart;
    }

    private static void style(XYSeries s, int index, Marker marker) {
        Color c = PALETTE[index % PALETTE.length];
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setLineStyle(LINE);
        s.setMarker(marker == null ? SeriesMarkers.NONE : marker);
    }

    /** The data and axes of an x-y plot, kept so that every save draws a fresh chart from them. */
    private static final class Layout {
        private final String xTitle;
        private final String yTitle;
        private final Styler.LegendPosition legend;
        private final List<Line> references = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private boolean unit;
        private double[] yRange;

        private record Line(String name, double[] x, double[] y, Marker marker) {
        }

        Layout(String xTitle, String yTitle, Styler.LegendPosition legend) {
            this.xTitle = xTitle;
            this.yTitle = yTitle;
            this.legend = legend;
        }

        /** Both axes fixed to [0, 1]. */
        Layout unit() {
            unit = true;
            return this;
        }

        Layout yRange(double min, double max) {
            yRange = new double[] {min, max};
            return this;
        }

        /** A grey dashed line without markers. */
        Layout reference(String name, double[] x, double[] y) {
            references.add(new Line(name, x, y, null));
            return this;
        }

        void line(String name, double[] x, double[] y, Marker marker) {
            for (Line l : lines) {
                if (l.name().equals(name)) {
                    throw new IllegalArgumentException("two series are named '" + name + "'");
                }
            }
            lines.add(new Line(name, x, y, marker));
        }

        Plot plot(String kind, String title, String caption) {
            return new Plot(kind, title, caption, this::draw, Plot.DEFAULT_WIDTH, Plot.DEFAULT_HEIGHT);
        }

        private XYChart draw() {
            XYChart chart = chart(xTitle, yTitle);
            XYStyler st = chart.getStyler();
            st.setLegendPosition(legend);
            if (legend == Styler.LegendPosition.OutsideS) {
                st.setLegendLayout(Styler.LegendLayout.Horizontal);
            }
            if (unit) {
                st.setXAxisMin(0.0);
                st.setXAxisMax(1.0);
                st.setYAxisMin(0.0);
                st.setYAxisMax(1.0);
                st.setXAxisDecimalPattern("0.0");
                st.setYAxisDecimalPattern("0.0");
            } else {
                st.setXAxisDecimalPattern("0");
                st.setYAxisDecimalPattern("0.00");
            }
            if (yRange != null) {
                st.setYAxisMin(yRange[0]);
                st.setYAxisMax(yRange[1]);
            }
            for (Line r : references) {
                XYSeries s = chart.addSeries(r.name(), r.x(), r.y());
                s.setLineColor(REFERENCE);
                s.setLineStyle(SeriesLines.DASH_DASH);
                s.setMarker(SeriesMarkers.NONE);
            }
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                style(chart.addSeries(l.name(), l.x(), l.y()), i, l.marker());
            }
            return chart;
        }
    }
}
