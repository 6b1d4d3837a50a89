package ai.behavior.report;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGIDGenerator;
import org.apache.batik.util.SVGConstants;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Dimension;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Paints a chart into Batik's SVG-writing Graphics2D and returns the SVG text. */
final class SvgWriter {
    private static final Pattern XML_DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>\\s*");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Pattern NAMESPACES = Pattern.compile("\\s+xmlns(:\\w+)?=\"[^\"]*\"");

    private SvgWriter() {
    }

    /**
     * A standalone SVG document of {@code chart} painted at {@code width x height}; element ids start with
     * {@code idPrefix} so that several SVGs can share one HTML page.
     */
    static String document(Chart<?, ?> chart, int width, int height, String idPrefix) {
        String svg = render(chart, width, height, idPrefix);
        return DOCTYPE.matcher(svg).replaceFirst("");
    }

    /**
     * The same drawing as an {@code <svg>} element for inlining in HTML5: no XML declaration, no doctype, and
     * no namespace declarations (the HTML parser puts {@code <svg>} in the SVG namespace itself), so the page
     * holds no external reference at all.
     */
    static String inline(Chart<?, ?> chart, int width, int height, String idPrefix) {
        String svg = render(chart, width, height, idPrefix);
        svg = XML_DECLARATION.matcher(svg).replaceFirst("");
        svg = DOCTYPE.matcher(svg).replaceFirst("");
        return NAMESPACES.matcher(svg).replaceAll("");
    }

    private static String render(Chart<?, ?> chart, int width, int height, String idPrefix) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVGConstants.SVG_NAMESPACE_URI, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no XML DOM implementation", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        context.setComment(null);
        context.setPrecision(2); // hundredths of a pixel: invisible, and a smaller file
        context.setIDGenerator(new PrefixedIds(idPrefix));
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.paint(g, width, height);
        Element root = g.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
        root.setAttributeNS(null, "role", "img");
        if (chart.getTitle() != null && !chart.getTitle().isBlank()) {
            root.setAttributeNS(null, "aria-label", chart.getTitle());
        }
        StringWriter out = new StringWriter();
        try {
            g.stream(root, out, true, false);
        } catch (SVGGraphics2DIOException e) {
            throw new UncheckedIOException(new java.io.IOException("could not write SVG", e));
        } finally {
            g.dispose();
        }
        // Batik names its (empty) top-level defs "genericDefs" without asking the id generator
        return out.toString().replace(" id=\"genericDefs\"", " id=\"" + idPrefix + "genericDefs\"");
    }

    /** Batik's id generator with a prefix, so clip paths of two charts on one page never collide. */
    private static final class PrefixedIds extends SVGIDGenerator {
        private final String prefix;

        PrefixedIds(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String generateID(String base) {
            return prefix + super.generateID(base);
        }
    }
}
