package ai.behavior.models.device;

import ai.djl.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.UnaryOperator;

/**
 * Turns a {@link DevicePolicy} into a device, explicitly: the policy comes from the caller's option, else the
 * system property {@value #PROPERTY}, else the environment variable {@value #ENV}, else {@link DevicePolicy#AUTO}
 * (that order: explicit option &gt; property &gt; environment &gt; AUTO). A GPU asked for but not usable is never
 * a silent CPU run: {@link DevicePolicy.Mode#GPU} logs a WARN and uses the CPU, {@link DevicePolicy#REQUIRE_GPU}
 * throws {@link DeviceUnavailableException}.
 *
 * <pre>{@code
 * DeviceChoice c = DeviceSelector.choose(options.device(), EngineFacts.detect());
 * log.info("device: {}", c.report().summary());
 * }</pre>
 *
 * <p>A GPU is usable when the CUDA driver reports it and the loaded libtorch is a CUDA build; GPUs with a CPU
 * build of libtorch are reported with a warning that names the fix (see docs/models.md).
 */
public final class DeviceSelector {
    /** System property holding a policy in text form. */
    public static final String PROPERTY = "behavior.device";
    /** Environment variable holding a policy in text form. */
    public static final String ENV = "BEHAVIOR_DEVICE";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelector.class);
    private static final String GPU_HINT = "use a CUDA build of libtorch (set PYTORCH_FLAVOR=cu128 on a machine "
            + "that can download it, or put the CUDA native artifact on the class path; see docs/models.md)";

    private DeviceSelector() {
    }

    /**
     * Chooses with the policy resolved from {@code explicit} (may be null), the system property and the
     * environment, then logs the report (WARN when a warning was raised, INFO otherwise).
     *
     * @throws DeviceUnavailableException for {@link DevicePolicy#REQUIRE_GPU} without a usable GPU
     */
    public static DeviceChoice choose(DevicePolicy explicit, EngineFacts facts) {
        DeviceChoice c = choose(explicit, System::getProperty, System::getenv, facts);
        log(c.report());
        return c;
    }

    /**
     * The pure decision, for tests: {@code properties} and {@code environment} map names to values (null when
     * unset). Logs nothing and reads no global state.
     */
    public static DeviceChoice choose(DevicePolicy explicit, UnaryOperator<String> properties,
                                      UnaryOperator<String> environment, EngineFacts facts) {
        DevicePolicy policy;
        String source;
        String property = properties.apply(PROPERTY);
        String env = environment.apply(ENV);
        if (explicit != null) {
            policy = explicit;
            source = "option";
        } else if (property != null && !property.isBlank()) {
            policy = parse(property, "system property " + PROPERTY);
            source = "property " + PROPERTY;
        } else if (env != null && !env.isBlank()) {
            policy = parse(env, "environment variable " + ENV);
            source = "env " + ENV;
        } else {
            policy = DevicePolicy.AUTO;
            source = "default";
        }
        return decide(policy, source, facts);
    }

    private static DevicePolicy parse(String text, String where) {
        try {
            return DevicePolicy.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static DeviceChoice decide(DevicePolicy policy, String source, EngineFacts f) {
        int usable = f.usableGpus();
        String found = found(f);
        switch (policy.mode()) {
            case CPU:
                return choice(f, policy, source, Device.cpu(), null);
            case AUTO:
                if (usable > 0) {
                    return choice(f, policy, source, Device.gpu(0), null);
                }
                return choice(f, policy, source, Device.cpu(), f.gpuCount() > 0
                        ? found + " but none is usable, so AUTO runs on the CPU; " + GPU_HINT : null);
            case GPU:
                if (policy.gpuIndex() < usable) {
                    return choice(f, policy, source, Device.gpu(policy.gpuIndex()), null);
                }
                return choice(f, policy, source, Device.cpu(), "GPU " + policy.gpuIndex() + " was asked for but "
                        + found + (usable > 0 ? " (usable indices 0.." + (usable - 1) + ")" : "")
                        + "; running on the CPU instead" + (usable > 0 ? "" : "; " + GPU_HINT));
            case REQUIRE_GPU:
                if (usable > 0) {
                    return choice(f, policy, source, Device.gpu(0), null);
                }
                throw new DeviceUnavailableException("a GPU is required (device policy require_gpu from " + source
                        + ") but " + found + "; " + GPU_HINT);
            default:
                throw new IllegalStateException("unknown mode " + policy.mode());
        }
    }

    private static String found(EngineFacts f) {
        return f.engine() + " " + f.engineVersion() + " is the " + f.flavour() + " build and the CUDA driver reports "
                + f.gpuCount() + " GPU" + (f.gpuCount() == 1 ? "" : "s");
    }

    private static DeviceChoice choice(EngineFacts f, DevicePolicy asked, String source, Device device,
                                       String warning) {
        String used = device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
        return new DeviceChoice(device, new DeviceReport(f.engine(), f.engineVersion(), f.djlVersion(), f.flavour(),
                f.cudaVersion(), f.gpuCount(), asked, source, used, warning));
    }

    private static void log(DeviceReport r) {
        if (r.warning() != null) {
            LOG.warn("!!! DEVICE WARNING !!! {}", r.summary());
        } else {
            LOG.info("device: {}", r.summary());
        }
    }
}
