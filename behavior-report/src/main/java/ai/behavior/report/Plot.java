package ai.behavior.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One chart, made by {@link Plots}, ready to save as PNG or SVG or to place in a {@link Report}. A plot keeps
 * its data and draws a fresh chart on each save, on the calling thread, so it is immutable and safe to share
 * between threads.
 *
 * <pre>{@code
 * Plot roc = Plots.roc("logistic", RocCurve.of(truth, scores));
 * roc.savePng(Path.of("roc.png"));  roc.saveSvg(Path.of("roc.svg"));
 * }</pre>
 */
public final class Plot {
    /** Default width in pixels (CSS pixels for SVG). */
    public static final int DEFAULT_WIDTH = 640;
    /** Default height in pixels. */
    public static final int DEFAULT_HEIGHT = 440;

    private final String kind;
    private final String title;
    private final String caption;
    private final Supplier<XYChart> recipe;
    private final int width;
    private final int height;

    Plot(String kind, String title, String caption, Supplier<XYChart> recipe, int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("plot size must be 100..10000 pixels each way, got " + width + "x"
                    + height);
        }
        this.kind = kind;
        this.title = title;
        this.caption = caption;
        this.recipe = recipe;
        this.width = width;
        this.height = height;
    }

    /** What the plot shows, as a short id: {@code "roc"}, {@code "precision-recall"}, {@code "calibration"}... */
    public String kind() {
        return kind;
    }

    /** The title drawn above the chart and used as the report section heading. */
    public String title() {
        return title;
    }

    /** One or two sentences on how to read the plot (shown under it in a report). */
    public String caption() {
        return caption;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The same chart drawn at another size. */
    public Plot withSize(int newWidth, int newHeight) {
        return new Plot(kind, title, caption, recipe, newWidth, newHeight);
    }

    /** Writes a PNG of {@link #width()} x {@link #height()} pixels. */
    public void savePng(Path path) throws IOException {
        savePng(path, 1);
    }

    /** Writes a PNG drawn at {@code scale} times the size (2 for sharp images on high-density screens). */
    public void savePng(Path path, int scale) throws IOException {
        Files.write(path, toPng(scale));
    }

    /** The PNG bytes at {@code scale} times the size ({@code 1..4}). */
    public byte[] toPng(int scale) {
        if (scale < 1 || scale > 4) {
            throw new IllegalArgumentException("scale must be 1..4, got " + scale);
        }
        BufferedImage image = toImage(scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode PNG", e);
        }
        return out.toByteArray();
    }

    /** The chart as an image at {@code scale} times the size. */
    public BufferedImage toImage(int scale) {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            chart(true).paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes a standalone SVG file (UTF-8). */
    public void saveSvg(Path path) throws IOException {
        Files.writeString(path, toSvg(), StandardCharsets.UTF_8);
    }

    /** A standalone SVG document with the chart title. */
    public String toSvg() {
        return SvgWriter.document(chart(true), width, height, kind + "-");
    }

    /**
     * An {@code <svg>} element for an HTML page, without the chart title (the page's heading carries it) and
     * with element ids starting with {@code idPrefix}.
     */
    String toInlineSvg(String idPrefix) {
        return SvgWriter.inline(chart(false), width, height, idPrefix);
    }

    /**
     * A new chart with or without its title. Always new: XChart keeps layout state from the first paint, so
     * one chart object must not be drawn once with and once without a title.
     */
    private Chart<?, ?> chart(boolean withTitle) {
        XYChart chart = draw();
        chart.setTitle(title);
        chart.getStyler().setChartTitleVisible(withTitle);
        return chart;
    }

    /** A fresh, untitled chart of this plot's data (package-private: tests read its series). */
    XYChart draw() {
        return recipe.get();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Plot[%s, '%s', %dx%d]", kind, title, width, height);
    }
}
