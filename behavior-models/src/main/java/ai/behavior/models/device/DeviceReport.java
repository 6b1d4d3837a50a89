package ai.behavior.models.device;

import com.google.gson.JsonObject;

import java.util.Locale;

/**
 * What was asked for, what the engine found and what was used: logged when training starts and stored in every
 * saved model's manifest, so a number never travels without the hardware behind it.
 *
 * <pre>{@code
 * DeviceReport r = DeviceSelector.choose(options.device(), EngineFacts.detect()).report();
 * System.out.println(r.summary());   // "asked auto (default) -> used cpu; PyTorch 2.7.1 (cpu), 0 GPUs"
 * }</pre>
 *
 * @param engine        engine name
 * @param engineVersion engine version
 * @param djlVersion    DJL version
 * @param flavour       native build flavour ("cpu", "cu128", ...)
 * @param cudaVersion   CUDA runtime version, or {@code null}
 * @param gpuCount      GPUs reported by the driver
 * @param asked         the policy asked for
 * @param source        where the policy came from: "option", "property behavior.device", "env BEHAVIOR_DEVICE"
 *                      or "default"
 * @param used          the device used: "cpu" or "gpu:N"
 * @param warning       why the device used differs from the one asked for, or {@code null}
 */
public record DeviceReport(String engine, String engineVersion, String djlVersion, String flavour,
                           String cudaVersion, int gpuCount, DevicePolicy asked, String source, String used,
                           String warning) {

    /** One line for logs. */
    public String summary() {
        return String.format(Locale.ROOT, "asked %s (%s) -> used %s; %s %s (%s%s), %d GPU%s; DJL %s%s", asked, source,
                used, engine, engineVersion, flavour, cudaVersion == null ? "" : ", CUDA " + cudaVersion, gpuCount,
                gpuCount == 1 ? "" : "s", djlVersion, warning == null ? "" : "; WARNING: " + warning);
    }

    /** The report as JSON (for model manifests). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("engine", engine);
        o.addProperty("engineVersion", engineVersion);
        o.addProperty("djlVersion", djlVersion);
        o.addProperty("flavour", flavour);
        o.addProperty("cudaVersion", cudaVersion);
        o.addProperty("gpuCount", gpuCount);
        o.addProperty("asked", asked.toString());
        o.addProperty("source", source);
        o.addProperty("used", used);
        o.addProperty("warning", warning);
        return o;
    }

    /** Reads {@link #toJson()} back. */
    public static DeviceReport fromJson(JsonObject o) {
        return new DeviceReport(text(o, "engine"), text(o, "engineVersion"), text(o, "djlVersion"), text(o, "flavour"),
                text(o, "cudaVersion"), o.get("gpuCount").getAsInt(), DevicePolicy.parse(text(o, "asked")),
                text(o, "source"), text(o, "used"), text(o, "warning"));
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : null;
    }
}
