package ai.behavior.bench.runner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes results as JSON lines: one object per figure, appended to a file, so every run of every scenario
 * accumulates in one machine-readable log.
 *
 * <pre>{@code
 * ResultsJson.append(Path.of("bench-results/runner.jsonl"), outcome.results(), RunEnvironment.now(), "0.5 0.4 0.3");
 * }</pre>
 *
 * <p>Keys, in this order: {@code scenario, dataset, model, metric, value, protocol, seconds, threads, date,
 * jdk, cores, load} (see {@link Result} and {@link RunEnvironment}; {@code load} is the load average when
 * the scenario ended, a string of three numbers or {@code "?"}). Numbers are always finite.
 */
public final class ResultsJson {
    /** The keys every line has. */
    public static final List<String> KEYS = List.of("scenario", "dataset", "model", "metric", "value", "protocol",
            "seconds", "threads", "date", "jdk", "cores", "load");

    // no HTML escaping: protocols hold "=" and "<", which should stay readable in the file
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ResultsJson() {
    }

    /** One line of JSON (without the line break). */
    public static String line(Result r, RunEnvironment env, String load) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.scenario());
        o.addProperty("dataset", r.dataset());
        o.addProperty("model", r.model());
        o.addProperty("metric", r.metric());
        o.addProperty("value", r.value());
        o.addProperty("protocol", r.protocol());
        o.addProperty("seconds", r.seconds());
        o.addProperty("threads", r.threads());
        o.addProperty("date", env.date());
        o.addProperty("jdk", env.jdk());
        o.addProperty("cores", env.cores());
        o.addProperty("load", load);
        return GSON.toJson(o);
    }

    /** Appends one line per result to {@code file} (UTF-8; the file and its folder are created if absent). */
    public static void append(Path file, List<Result> results, RunEnvironment env, String load) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (Result r : results) {
                w.write(line(r, env, load));
                w.write('\n');
            }
        }
    }
}
