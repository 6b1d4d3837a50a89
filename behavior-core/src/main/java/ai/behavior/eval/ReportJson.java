package ai.behavior.eval;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a {@link MetricsReport} (with its protocol) to and from strict JSON through Gson's tree model. */
final class ReportJson {
    /** Version of the JSON layout, written as {@code "format"}. */
    static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ReportJson() {
    }

    static String write(MetricsReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("title", report.title());
        report.createdAt().ifPresent(t -> root.addProperty("createdAt", t.toString()));
        root.addProperty("decimals", report.decimals());
        root.add("protocol", protocol(report.protocol()));
        JsonArray rows = new JsonArray();
        for (MetricsReport.Row r : report.rows()) {
            JsonObject row = new JsonObject();
            row.addProperty("name", r.name());
            JsonObject values = new JsonObject();
            r.values().forEach((k, v) -> values.add(k, number(v)));
            row.add("values", values);
            JsonObject counts = new JsonObject();
            r.counts().forEach(counts::addProperty);
            row.add("counts", counts);
            rows.add(row);
        }
        root.add("rows", rows);
        return GSON.toJson(root);
    }

    static MetricsReport read(String json) {
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("not a metrics report JSON: expected an object");
            }
            JsonObject root = parsed.getAsJsonObject();
            int format = field(root, "format").getAsInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unsupported report format " + format + " (expected " + FORMAT
                        + ")");
            }
            MetricsReport.Builder b = MetricsReport.builder(field(root, "title").getAsString(),
                    protocol(field(root, "protocol").getAsJsonObject()));
            if (root.has("createdAt")) {
                b.createdAt(Instant.parse(root.get("createdAt").getAsString()));
            }
            b.decimals(field(root, "decimals").getAsInt());
            for (JsonElement e : field(root, "rows").getAsJsonArray()) {
                JsonObject row = e.getAsJsonObject();
                Map<String, Double> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> v : field(row, "values").getAsJsonObject().entrySet()) {
                    values.put(v.getKey(), number(v.getValue()));
                }
                Map<String, Long> counts = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> c : field(row, "counts").getAsJsonObject().entrySet()) {
                    counts.put(c.getKey(), c.getValue().getAsLong());
                }
                b.row(field(row, "name").getAsString(), values, counts);
            }
            return b.build();
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a metrics report JSON: " + e.getMessage(), e);
        }
    }

    private static JsonElement field(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("not a metrics report JSON: missing field '" + name + "'");
        }
        return e;
    }

    private static JsonObject protocol(EvaluationProtocol p) {
        JsonObject o = new JsonObject();
        o.addProperty("description", p.describe());
        o.addProperty("dataset", p.dataset());
        o.addProperty("split", p.split());
        o.addProperty("ordering", p.ordering().name());
        JsonObject candidates = new JsonObject();
        CandidateMode mode = p.candidates();
        if (mode instanceof CandidateMode.SampledUniform u) {
            candidates.addProperty("mode", "sampled-uniform");
            candidates.addProperty("n", u.n());
        } else if (mode instanceof CandidateMode.SampledByPopularity s) {
            candidates.addProperty("mode", "sampled-popularity");
            candidates.addProperty("n", s.n());
        } else if (mode instanceof CandidateMode.Pointwise) {
            candidates.addProperty("mode", "pointwise");
        } else {
            candidates.addProperty("mode", "full");
        }
        o.add("candidates", candidates);
        o.addProperty("excludeSeen", p.excludeSeen());
        JsonArray ks = new JsonArray();
        p.ks().forEach(ks::add);
        o.add("ks", ks);
        o.addProperty("seed", p.seed());
        return o;
    }

    private static EvaluationProtocol protocol(JsonObject o) {
        JsonObject c = field(o, "candidates").getAsJsonObject();
        String mode = field(c, "mode").getAsString();
        CandidateMode candidates = switch (mode) {
            case "full" -> new CandidateMode.Full();
            case "pointwise" -> new CandidateMode.Pointwise();
            case "sampled-uniform" -> new CandidateMode.SampledUniform(field(c, "n").getAsInt());
            case "sampled-popularity" -> new CandidateMode.SampledByPopularity(field(c, "n").getAsInt());
            default -> throw new IllegalArgumentException("unknown candidate mode '" + mode + "'");
        };
        List<Integer> ks = new ArrayList<>();
        field(o, "ks").getAsJsonArray().forEach(k -> ks.add(k.getAsInt()));
        return new EvaluationProtocol(field(o, "dataset").getAsString(), field(o, "split").getAsString(),
                Ordering.valueOf(field(o, "ordering").getAsString()), candidates,
                field(o, "excludeSeen").getAsBoolean(), ks, field(o, "seed").getAsLong());
    }

    private static JsonPrimitive number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return new JsonPrimitive(Double.toString(v)); // "NaN", "Infinity", "-Infinity"
        }
        return new JsonPrimitive(v);
    }

    private static double number(JsonElement e) {
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? Double.parseDouble(p.getAsString()) : p.getAsDouble();
    }
}
