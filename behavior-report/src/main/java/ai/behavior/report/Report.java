package ai.behavior.report;

import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained HTML report of one evaluation run: the protocol, a data summary, result tables, plots and
 * text sections. The page needs nothing from the network: plots are inline SVG, styles are inline CSS, there
 * is no script and no web font, so it opens the same offline, in a mail attachment or in a CI artefact.
 *
 * <pre>{@code
 * Report r = Report.builder("Purchase prediction").protocol(protocol).dataSummary(DataSummary.of(test))
 *         .metrics(results).plot(Plots.roc("logistic", roc)).plot(Plots.calibration("logistic", cal)).build();
 * r.writeHtml(Path.of("report.html"));  r.savePlots(Path.of("plots"));
 * }</pre>
 *
 * <p>Sections appear in this order: the protocol (every number is read under it; results tables measured
 * under another protocol are listed there too, and each table repeats its own protocol line), the data summary, the
 * metrics tables, then plots and text sections in the order they were added. Each section has a stable
 * {@code id} ({@code protocol}, {@code data-summary}, {@code metrics}, then the plot's {@link Plot#kind()} or
 * the text heading's slug, with {@code -2}, {@code -3}... on repeats) and the page starts with links to them.
 */
public final class Report {
    private final String title;
    private final String subtitle;
    private final EvaluationProtocol protocol;
    private final DataSummary dataSummary;
    private final List<MetricsReport> metrics;
    private final List<Section> sections;
    private final Instant generatedAt;
    private final List<String> sectionIds;

    /** A plot or a block of preformatted text, in insertion order. */
    sealed interface Section permits PlotSection, TextSection {
    }

    /** A plot. */
    record PlotSection(Plot plot) implements Section {
    }

    /** A heading with preformatted text (a table printed by another class) and an optional note. */
    record TextSection(String heading, String text, String note) implements Section {
    }

    private Report(Builder b) {
        this.title = b.title;
        this.subtitle = b.subtitle;
        this.protocol = b.protocol;
        this.dataSummary = b.dataSummary;
        this.metrics = List.copyOf(b.metrics);
        this.sections = List.copyOf(b.sections);
        this.generatedAt = b.generatedAt;
        SectionIds ids = new SectionIds();
        for (String fixed : HtmlPage.FIXED_IDS) {
            ids.next(fixed);
        }
        List<String> out = new ArrayList<>();
        for (Section s : sections) {
            out.add(ids.next(s instanceof PlotSection p ? p.plot().kind() : Html.slug(((TextSection) s).heading())));
        }
        this.sectionIds = List.copyOf(out);
    }

    /** A builder for a report titled {@code title}. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The report's main protocol (results tables may carry others, always shown with them). */
    public EvaluationProtocol protocol() {
        return protocol;
    }

    /** The plots, in section order. */
    public List<Plot> plots() {
        List<Plot> out = new ArrayList<>();
        for (Section s : sections) {
            if (s instanceof PlotSection p) {
                out.add(p.plot());
            }
        }
        return out;
    }

    /** The page as one HTML5 document. */
    public String toHtml() {
        return new HtmlPage(title, subtitle, protocol, dataSummary, metrics, sections, sectionIds, generatedAt)
                .render();
    }

    /** Writes {@link #toHtml()} to {@code path} in UTF-8, replacing the file. */
    public void writeHtml(Path path) throws IOException {
        Files.writeString(path, toHtml(), StandardCharsets.UTF_8);
    }

    /**
     * Saves every plot into {@code dir} (created if needed) as {@code <id>.png} and {@code <id>.svg}, ids as
     * in the page; returns the files written.
     */
    public List<Path> savePlots(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            if (!(sections.get(i) instanceof PlotSection section)) {
                continue;
            }
            Plot p = section.plot();
            String id = sectionIds.get(i);
            Path png = dir.resolve(id + ".png");
            Path svg = dir.resolve(id + ".svg");
            p.savePng(png);
            p.saveSvg(svg);
            written.add(png);
            written.add(svg);
        }
        return written;
    }

    @Override
    public String toString() {
        return "Report['" + title + "', " + sections.size() + " sections]";
    }

    /** Collects the parts of a report. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private String subtitle = "";
        private EvaluationProtocol protocol;
        private DataSummary dataSummary;
        private final List<MetricsReport> metrics = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private Instant generatedAt;

        private Builder(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("report title must not be blank");
            }
            this.title = title.strip();
        }

        /** A line under the title (model, data set, run id...). */
        public Builder subtitle(String text) {
            this.subtitle = Objects.requireNonNull(text, "subtitle").strip();
            return this;
        }

        /** The evaluation protocol (taken from the first metrics report when not given). */
        public Builder protocol(EvaluationProtocol value) {
            this.protocol = Objects.requireNonNull(value, "protocol");
            return this;
        }

        /** The data summary table. */
        public Builder dataSummary(DataSummary value) {
            this.dataSummary = Objects.requireNonNull(value, "dataSummary");
            return this;
        }

        /**
         * A results table. It carries its own protocol, printed with it; a protocol that differs from the
         * report's is also listed in the protocol section, so no number is shown without the protocol behind it.
         */
        public Builder metrics(MetricsReport value) {
            metrics.add(Objects.requireNonNull(value, "metrics"));
            return this;
        }

        /** A plot section. */
        public Builder plot(Plot plot) {
            sections.add(new PlotSection(Objects.requireNonNull(plot, "plot")));
            return this;
        }

        /**
         * A section of preformatted text, e.g. a segment profile or feature-importance table printed by
         * another class.
         */
        public Builder text(String heading, String text) {
            return text(heading, text, "");
        }

        /** A section of preformatted text with a note in prose under it. */
        public Builder text(String heading, String text, String note) {
            if (heading == null || heading.isBlank()) {
                throw new IllegalArgumentException("a text section needs a heading");
            }
            sections.add(new TextSection(heading.strip(), Objects.requireNonNull(text, "text"),
                    note == null ? "" : note.strip()));
            return this;
        }

        /** When the run happened, shown under the title; leave unset for byte-identical pages from equal input. */
        public Builder generatedAt(Instant when) {
            this.generatedAt = when;
            return this;
        }

        /**
         * The report.
         *
         * @throws IllegalArgumentException if there is no protocol (neither given nor carried by a metrics
         *                                  report)
         */
        public Report build() {
            if (protocol == null && !metrics.isEmpty()) {
                protocol = metrics.get(0).protocol();
            }
            if (protocol == null) {
                throw new IllegalArgumentException("report '" + title + "' has no evaluation protocol: give one "
                        + "with protocol(...) so its numbers can be read");
            }
            return new Report(this);
        }
    }
}
