/**
 * Evaluation reports and plots: self-contained HTML pages (inline SVG and CSS, nothing fetched from the
 * network) with the evaluation protocol, a data summary, result tables, ROC, precision-recall, calibration,
 * training-history and metric@K plots; every plot is also saveable as PNG and SVG.
 *
 * <pre>{@code
 * Plots.roc("logistic", RocCurve.of(truth, scores)).savePng(Path.of("roc.png"));
 * Report.builder("Purchase model").protocol(protocol).plot(Plots.calibration("logistic", cal)).build().writeHtml(out);
 * }</pre>
 *
 * <p>Charts are drawn by XChart (Apache-2.0); SVG is written through Apache Batik's SVG generator
 * (Apache-2.0), since XChart's own SVG encoder needs the LGPL VectorGraphics2D library.
 */
package ai.behavior.report;
