package ai.behavior.report;

import ai.behavior.eval.CandidateMode;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link Report} as one HTML5 document with inline CSS and inline SVG, and nothing else. */
final class HtmlPage {
    /** Ids of the sections every page may have, reserved before plot and text ids are handed out. */
    static final List<String> FIXED_IDS = List.of("protocol", "data-summary", "metrics");
    /** Above this many metrics a results table is shown one metric per line. */
    private static final int WIDE_TABLE = 6;

    private static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f4f5f7; color: #1f2328;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
            header { background: #1f3a5f; color: #fff; padding: 20px 32px 16px; }
            header h1 { margin: 0 0 4px; font-size: 26px; font-weight: 600; }
            header p { margin: 2px 0; color: #d7e1ee; }
            nav { background: #fff; border-bottom: 1px solid #d0d7de; padding: 8px 32px; }
            nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
            nav a { color: #0a58ca; text-decoration: none; font-size: 14px; }
            nav a:hover { text-decoration: underline; }
            main { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 20px;
                   padding: 20px 32px 32px; max-width: 1500px; }
            section { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 16px 20px;
                      min-width: 0; }
            section.wide { grid-column: 1 / -1; }
            h2 { margin: 0 0 10px; font-size: 19px; font-weight: 600; }
            h3 { margin: 16px 0 6px; font-size: 16px; font-weight: 600; }
            figure { margin: 0; }
            figure svg { display: block; width: 100%; height: auto; }
            figcaption, .note { color: #57606a; font-size: 13px; margin-top: 8px; }
            table { border-collapse: collapse; font-size: 14px; margin: 4px 0 8px; }
            th, td { border-bottom: 1px solid #e4e7eb; padding: 4px 12px 4px 0; text-align: right;
                     font-variant-numeric: tabular-nums; white-space: nowrap; }
            th:first-child, td:first-child { text-align: left; }
            thead th { border-bottom: 2px solid #c9d1d9; font-weight: 600; }
            .table-scroll { overflow-x: auto; }
            code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
            pre { background: #f6f8fa; border: 1px solid #e4e7eb; border-radius: 6px; padding: 10px 12px;
                  overflow-x: auto; margin: 0; }
            .protocol-line { background: #fff8c5; border: 1px solid #e7d27c; border-radius: 6px; padding: 8px 12px;
                             margin: 0 0 10px; }
            footer { color: #57606a; font-size: 12px; padding: 0 32px 24px; }
            """;

    private final String title;
    private final String subtitle;
    private final EvaluationProtocol protocol;
    private final DataSummary dataSummary;
    private final List<MetricsReport> metrics;
    private final List<Report.Section> sections;
    private final List<String> sectionIds;
    private final Instant generatedAt;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    HtmlPage(String title, String subtitle, EvaluationProtocol protocol, DataSummary dataSummary,
             List<MetricsReport> metrics, List<Report.Section> sections, List<String> sectionIds,
             Instant generatedAt) {
        this.title = title;
        this.subtitle = subtitle;
        this.protocol = protocol;
        this.dataSummary = dataSummary;
        this.metrics = metrics;
        this.sections = sections;
        this.sectionIds = sectionIds;
        this.generatedAt = generatedAt;
    }

    String render() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header();
        nav();
        out.append("<main>\n");
        protocolSection();
        if (dataSummary != null) {
            dataSummarySection();
        }
        if (!metrics.isEmpty()) {
            metricsSection();
        }
        for (int i = 0; i < sections.size(); i++) {
            Report.Section s = sections.get(i);
            if (s instanceof Report.PlotSection p) {
                plotSection(sectionIds.get(i), p.plot());
            } else if (s instanceof Report.TextSection t) {
                textSection(sectionIds.get(i), t);
            }
        }
        out.append("</main>\n<footer>Made with the Behavior SDK. This page is self-contained: its plots are "
                + "inline SVG and it loads no script, font, image or style sheet from anywhere.</footer>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }

    private void header() {
        out.append("<header>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        if (!subtitle.isEmpty()) {
            out.append("<p>").append(Html.escape(subtitle)).append("</p>\n");
        }
        if (generatedAt != null) {
            out.append("<p>Generated ").append(Html.escape(generatedAt.toString())).append("</p>\n");
        }
        out.append("</header>\n");
    }

    private void nav() {
        List<String[]> links = new ArrayList<>();
        links.add(new String[] {"protocol", "Evaluation protocol"});
        if (dataSummary != null) {
            links.add(new String[] {"data-summary", "Data summary"});
        }
        if (!metrics.isEmpty()) {
            links.add(new String[] {"metrics", "Results"});
        }
        for (int i = 0; i < sections.size(); i++) {
            Report.Section s = sections.get(i);
            String heading = s instanceof Report.PlotSection p ? p.plot().title() : ((Report.TextSection) s).heading();
            links.add(new String[] {sectionIds.get(i), heading});
        }
        out.append("<nav><ul>\n");
        for (String[] l : links) {
            out.append("<li><a href=\"#").append(l[0]).append("\">").append(Html.escape(l[1])).append("</a></li>\n");
        }
        out.append("</ul></nav>\n");
    }

    private void protocolSection() {
        out.append("<section id=\"protocol\" class=\"wide\">\n<h2>Evaluation protocol</h2>\n")
                .append("<p class=\"protocol-line\"><code>").append(Html.escape(protocol.describe()))
                .append("</code></p>\n<table>\n<tbody>\n");
        if (!protocol.dataset().isEmpty()) {
            keyValue("dataset", protocol.dataset());
        }
        keyValue("split", protocol.split());
        keyValue("ordering", protocol.ordering().description());
        keyValue("candidates", protocol.candidates().describe());
        if (!(protocol.candidates() instanceof CandidateMode.Pointwise)) {
            keyValue("seen items", protocol.excludeSeen() ? "excluded from each user's candidates" : "kept");
            keyValue("K", protocol.ks().toString());
        }
        keyValue("seed", Long.toString(protocol.seed()));
        out.append("</tbody>\n</table>\n");
        List<MetricsReport> others = metrics.stream().filter(m -> !m.protocol().equals(protocol)).toList();
        if (others.isEmpty()) {
            out.append("<p class=\"note\">Every number on this page was measured under this protocol; numbers "
                    + "measured under another protocol are not comparable.</p>\n");
        } else {
            out.append("<h3>Other protocols on this page</h3>\n");
            for (MetricsReport m : others) {
                out.append("<p>").append(Html.escape(m.title())).append(":</p>\n<p class=\"protocol-line\"><code>")
                        .append(Html.escape(m.protocol().describe())).append("</code></p>\n");
            }
            out.append("<p class=\"note\">Plots and tables not listed here were measured under the protocol "
                    + "above; numbers measured under different protocols are not comparable.</p>\n");
        }
        out.append("</section>\n");
    }

    private void keyValue(String key, String value) {
        out.append("<tr><th scope=\"row\">").append(Html.escape(key)).append("</th><td style=\"text-align:left\">")
                .append(Html.escape(value)).append("</td></tr>\n");
    }

    private void dataSummarySection() {
        out.append("<section id=\"data-summary\">\n<h2>Data summary</h2>\n<div class=\"table-scroll\">")
                .append("<table>\n<thead><tr><th></th>");
        for (String c : dataSummary.columns()) {
            out.append("<th scope=\"col\">").append(Html.escape(c)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (DataSummary.Row r : dataSummary.rows()) {
            out.append("<tr><th scope=\"row\">").append(Html.escape(r.name())).append("</th>");
            for (String v : r.values()) {
                out.append("<td>").append(Html.escape(v)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n</section>\n");
    }

    private void metricsSection() {
        out.append("<section id=\"metrics\">\n<h2>Results</h2>\n");
        for (MetricsReport m : metrics) {
            out.append("<h3>").append(Html.escape(m.title())).append("</h3>\n<p class=\"protocol-line\"><code>")
                    .append(Html.escape(m.protocol().describe())).append("</code></p>\n")
                    .append("<div class=\"table-scroll\"><table>\n");
            List<String> names = m.metrics();
            List<String> counts = m.countNames();
            if (names.size() > WIDE_TABLE) {
                out.append("<thead><tr><th scope=\"col\">metric</th>");
                m.rows().forEach(r -> out.append("<th scope=\"col\">").append(Html.escape(r.name())).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (String name : names) {
                    out.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th>");
                    m.rows().forEach(r -> out.append("<td>").append(value(m, r.values().get(name))).append("</td>"));
                    out.append("</tr>\n");
                }
                for (String name : counts) {
                    out.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th>");
                    m.rows().forEach(r -> out.append("<td>").append(count(r.counts().get(name))).append("</td>"));
                    out.append("</tr>\n");
                }
            } else {
                out.append("<thead><tr><th scope=\"col\">model</th>");
                names.forEach(n -> out.append("<th scope=\"col\">").append(Html.escape(n)).append("</th>"));
                counts.forEach(n -> out.append("<th scope=\"col\">").append(Html.escape(n)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (MetricsReport.Row r : m.rows()) {
                    out.append("<tr><th scope=\"row\">").append(Html.escape(r.name())).append("</th>");
                    names.forEach(n -> out.append("<td>").append(value(m, r.values().get(n))).append("</td>"));
                    counts.forEach(n -> out.append("<td>").append(count(r.counts().get(n))).append("</td>"));
                    out.append("</tr>\n");
                }
            }
            out.append("</tbody>\n</table></div>\n");
        }
        out.append("</section>\n");
    }

    private static String value(MetricsReport m, Double v) {
        if (v == null) {
            return "-";
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, "%." + m.decimals() + "f", v);
    }

    private static String count(Long v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,d", v);
    }

    private void plotSection(String id, Plot plot) {
        out.append("<section id=\"").append(id).append("\" class=\"plot\">\n<h2>").append(Html.escape(plot.title()))
                .append("</h2>\n<figure>\n").append(plot.toInlineSvg(id + "-")).append("\n<figcaption>")
                .append(Html.escape(plot.caption())).append("</figcaption>\n</figure>\n</section>\n");
    }

    private void textSection(String id, Report.TextSection t) {
        out.append("<section id=\"").append(id).append("\" class=\"wide text\">\n<h2>").append(Html.escape(t.heading()))
                .append("</h2>\n<pre>").append(Html.escape(t.text().stripTrailing())).append("</pre>\n");
        if (!t.note().isEmpty()) {
            out.append("<p class=\"note\">").append(Html.escape(t.note())).append("</p>\n");
        }
        out.append("</section>\n");
    }
}
