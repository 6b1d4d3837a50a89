package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every metric against values computed by scikit-learn, read from the JSON file named by the system
 * property {@code behavior.golden} (Surefire points it at {@code ../shared/golden-metrics.json}). Skipped, not
 * failed, when the property or the file is missing. Every case is dispatched: an unknown function, field or
 * keyword argument fails, so new golden cases cannot be silently ignored.
 */
class GoldenMetricsTest {
    private static final double TOLERANCE = 1e-12;
    private static final Set<String> CASE_FIELDS =
            Set.of("id", "fn", "args", "kwargs", "expected", "error", "note", "warnings");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        String property = System.getProperty("behavior.golden");
        if (property == null || property.isBlank()) {
            return skipped("system property behavior.golden is not set: scikit-learn golden metric cases skipped");
        }
        Path file = Path.of(property);
        if (!Files.isRegularFile(file)) {
            return skipped("golden metrics file " + file.toAbsolutePath()
                    + " not found: scikit-learn golden metric cases skipped");
        }
        JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray cases = root.getAsJsonArray("cases");
        assertFalse(cases == null || cases.isEmpty(), "golden file has no cases");
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonElement element : cases) {
            JsonObject c = element.getAsJsonObject();
            String id = c.get("id").getAsString();
            assertTrue(ids.add(id), "duplicate golden case id " + id);
            tests.add(DynamicTest.dynamicTest(id + " [" + c.get("fn").getAsString() + "]", () -> run(c)));
        }
        return tests.stream();
    }

    /** One visibly skipped test carrying the reason (an aborted factory would report nothing at all). */
    private static Stream<DynamicTest> skipped(String reason) {
        return Stream.of(DynamicTest.dynamicTest("golden metrics", () -> Assumptions.abort(reason)));
    }

    private static void run(JsonObject c) {
        for (String field : c.keySet()) {
            if (!CASE_FIELDS.contains(field)) {
                fail("unhandled field '" + field + "' in golden case " + c.get("id"));
            }
        }
        String fn = c.get("fn").getAsString();
        JsonArray args = c.getAsJsonArray("args");
        Kwargs kwargs = new Kwargs(c.has("kwargs") ? c.getAsJsonObject("kwargs") : new JsonObject());
        DoubleSupplier metric = dispatch(fn, args, kwargs);
        kwargs.assertAllHandled(fn);
        if (c.has("error")) {
            if (fn.equals("sklearn.metrics.ndcg_score") && allRowsHaveOneItem(args.get(0))) {
                // scikit-learn raises on a 1x1 input; we define a one-item query: 1 if relevant, else 0
                double[][] relevance = matrix(args.get(0));
                double documented = 0;
                for (double[] row : relevance) {
                    documented += row[0] > 0 ? 1.0 : 0.0;
                }
                assertClose(documented / relevance.length, metric.getAsDouble());
            } else {
                assertThrows(IllegalArgumentException.class, metric::getAsDouble,
                        "scikit-learn raised " + c.get("error").getAsString());
            }
        } else {
            assertTrue(c.has("expected"), "golden case without expected value or error");
            assertClose(c.get("expected").getAsDouble(), metric.getAsDouble());
        }
    }

    private static DoubleSupplier dispatch(String fn, JsonArray args, Kwargs kwargs) {
        switch (fn) {
            case "sklearn.metrics.roc_auc_score": {
                int[] truth = ints(args.get(0));
                double[] scores = doubles(args.get(1));
                double[] weights = kwargs.doubles("sample_weight");
                Double maxFpr = kwargs.number("max_fpr");
                return () -> maxFpr == null ? RocAuc.of(truth, scores, weights)
                        : RocAuc.partial(truth, scores, weights, maxFpr);
            }
            case "sklearn.metrics.average_precision_score": {
                int[] truth = positiveIsOne(ints(args.get(0)), kwargs.integer("pos_label"));
                double[] scores = doubles(args.get(1));
                double[] weights = kwargs.doubles("sample_weight");
                return () -> AveragePrecision.of(truth, scores, weights);
            }
            case "sklearn.metrics.log_loss": {
                int[] truth = ints(args.get(0));
                double[] probabilities = doubles(args.get(1));
                double[] weights = kwargs.doubles("sample_weight");
                double eps = kwargs.has("eps") && !kwargs.isString("eps") ? kwargs.number("eps")
                        : auto(kwargs.string("eps"));
                return () -> LogLoss.of(truth, probabilities, weights, eps);
            }
            case "sklearn.metrics.f1_score":
            case "sklearn.metrics.precision_score":
            case "sklearn.metrics.recall_score":
                return classification(fn.substring(fn.lastIndexOf('.') + 1), args, kwargs);
            case "sklearn.metrics.ndcg_score":
            case "sklearn.metrics.dcg_score": {
                double[][] relevance = matrix(args.get(0));
                double[][] scores = matrix(args.get(1));
                Integer k = kwargs.integer("k");
                Boolean ignoreTies = kwargs.bool("ignore_ties");
                int cut = k == null ? 0 : k;
                boolean ignore = ignoreTies != null && ignoreTies;
                return fn.endsWith("ndcg_score") ? () -> Ndcg.ndcg(relevance, scores, cut, ignore)
                        : () -> Ndcg.dcg(relevance, scores, cut, ignore);
            }
            default:
                fail("golden case uses a function with no dispatch: " + fn);
                return null;
        }
    }

    private static DoubleSupplier classification(String name, JsonArray args, Kwargs kwargs) {
        int[] truth = ints(args.get(0));
        int[] predicted = ints(args.get(1));
        ZeroDivision zeroDivision = zeroDivision(kwargs);
        String average = kwargs.string("average");
        if (average == null || average.equals("binary")) {
            Integer posLabel = kwargs.integer("pos_label");
            double[] weights = kwargs.doubles("sample_weight");
            int positive = posLabel == null ? 1 : posLabel;
            return () -> {
                BinaryConfusion c;
                if (weights == null) {
                    c = BinaryConfusion.ofLabels(truth, predicted, positive);
                } else {
                    double[] asScores = new double[predicted.length];
                    for (int i = 0; i < predicted.length; i++) {
                        asScores[i] = predicted[i] == positive ? 1.0 : 0.0;
                    }
                    c = BinaryConfusion.atThreshold(positiveIsOne(truth, positive), asScores, weights, 0.5);
                }
                return name.equals("f1_score") ? c.f1(zeroDivision)
                        : name.equals("precision_score") ? c.precision(zeroDivision) : c.recall(zeroDivision);
            };
        }
        Average mode;
        switch (average) {
            case "micro":
                mode = Average.MICRO;
                break;
            case "macro":
                mode = Average.MACRO;
                break;
            case "weighted":
                mode = Average.WEIGHTED;
                break;
            default:
                fail("unhandled average='" + average + "'");
                return null;
        }
        return () -> {
            MultiClassConfusion c = MultiClassConfusion.of(truth, predicted);
            return name.equals("f1_score") ? c.f1(mode, zeroDivision)
                    : name.equals("precision_score") ? c.precision(mode, zeroDivision) : c.recall(mode, zeroDivision);
        };
    }

    private static ZeroDivision zeroDivision(Kwargs kwargs) {
        if (!kwargs.has("zero_division")) {
            return ZeroDivision.ZERO; // scikit-learn's default "warn" yields 0
        }
        if (kwargs.isString("zero_division")) {
            String s = kwargs.string("zero_division");
            assertEquals("warn", s, "unhandled zero_division='" + s + "'");
            return ZeroDivision.ZERO;
        }
        double v = kwargs.number("zero_division");
        if (v == 0.0) {
            return ZeroDivision.ZERO;
        }
        if (v == 1.0) {
            return ZeroDivision.ONE;
        }
        fail("unhandled zero_division=" + v);
        return null;
    }

    private static double auto(String eps) {
        if (eps != null && !eps.equals("auto")) {
            fail("unhandled eps='" + eps + "'");
        }
        return LogLoss.DEFAULT_EPS;
    }

    private static int[] positiveIsOne(int[] truth, Integer posLabel) {
        if (posLabel == null || posLabel == 1) {
            return truth;
        }
        assertEquals(0, (int) posLabel, "unhandled pos_label");
        int[] flipped = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            flipped[i] = truth[i] == 0 ? 1 : truth[i] == 1 ? 0 : truth[i];
        }
        return flipped;
    }

    private static void assertClose(double expected, double actual) {
        double tolerance = TOLERANCE * Math.max(1.0, Math.abs(expected));
        assertEquals(expected, actual, tolerance);
    }

    private static boolean allRowsHaveOneItem(JsonElement rows) {
        for (JsonElement row : rows.getAsJsonArray()) {
            if (row.getAsJsonArray().size() != 1) {
                return false;
            }
        }
        return true;
    }

    private static int[] ints(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            double v = a.get(i).getAsDouble();
            assertEquals(Math.rint(v), v, "expected an integer label, got " + v);
            out[i] = (int) v;
        }
        return out;
    }

    private static double[] doubles(JsonElement array) {
        JsonArray a = array.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    private static double[][] matrix(JsonElement rows) {
        JsonArray a = rows.getAsJsonArray();
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(a.get(i));
        }
        return out;
    }

    /** Keyword arguments of one case; remembers which were read so unhandled ones fail the case. */
    private static final class Kwargs {
        private final JsonObject json;
        private final Set<String> handled = new HashSet<>();

        Kwargs(JsonObject json) {
            this.json = json;
        }

        boolean has(String name) {
            handled.add(name);
            return json.has(name) && !json.get(name).isJsonNull();
        }

        boolean isString(String name) {
            return has(name) && json.get(name).getAsJsonPrimitive().isString();
        }

        double[] doubles(String name) {
            return has(name) ? GoldenMetricsTest.doubles(json.get(name)) : null;
        }

        Double number(String name) {
            return has(name) ? json.get(name).getAsDouble() : null;
        }

        Integer integer(String name) {
            return has(name) ? json.get(name).getAsInt() : null;
        }

        Boolean bool(String name) {
            return has(name) ? json.get(name).getAsBoolean() : null;
        }

        String string(String name) {
            return has(name) ? json.get(name).getAsString() : null;
        }

        void assertAllHandled(String fn) {
            for (String name : json.keySet()) {
                if (!handled.contains(name)) {
                    fail("unhandled keyword argument '" + name + "' for " + fn);
                }
            }
        }
    }
}
