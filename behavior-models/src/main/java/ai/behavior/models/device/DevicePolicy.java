package ai.behavior.models.device;

import java.util.Locale;
import java.util.Objects;

/**
 * Which device a model should train and predict on: {@link Mode#AUTO} (the first usable GPU, else the CPU),
 * {@link Mode#CPU}, {@link Mode#GPU} with an index (a loud warning and the CPU when that GPU is not usable), or
 * {@link Mode#REQUIRE_GPU} (the first usable GPU, else a {@link DeviceUnavailableException}).
 *
 * <pre>{@code
 * DevicePolicy p = DevicePolicy.parse("gpu:1");            // or DevicePolicy.gpu(1)
 * DeviceChoice c = DeviceSelector.choose(p, EngineFacts.detect());
 * }</pre>
 *
 * <p>Text form, as accepted by {@link #parse} and the {@value DeviceSelector#PROPERTY} property or the
 * {@value DeviceSelector#ENV} environment variable: {@code auto}, {@code cpu}, {@code gpu} (= {@code gpu:0}),
 * {@code gpu:N}, {@code require_gpu} (also {@code require-gpu}); case does not matter.
 *
 * @param mode     the kind of policy
 * @param gpuIndex the GPU index for {@link Mode#GPU}; 0 for the other modes
 */
public record DevicePolicy(Mode mode, int gpuIndex) {
    /** The first usable GPU, else the CPU. */
    public static final DevicePolicy AUTO = new DevicePolicy(Mode.AUTO, 0);
    /** Always the CPU. */
    public static final DevicePolicy CPU = new DevicePolicy(Mode.CPU, 0);
    /** The first usable GPU, or an error. */
    public static final DevicePolicy REQUIRE_GPU = new DevicePolicy(Mode.REQUIRE_GPU, 0);

    /** The kinds of policy. */
    public enum Mode {
        /** The first usable GPU, else the CPU (logged at INFO). */
        AUTO,
        /** The CPU. */
        CPU,
        /** GPU {@code gpuIndex}; a loud WARN and the CPU when it is not usable. */
        GPU,
        /** The first usable GPU; a {@link DeviceUnavailableException} when there is none. */
        REQUIRE_GPU
    }

    /** Checks the mode and index. */
    public DevicePolicy {
        Objects.requireNonNull(mode, "mode");
        if (gpuIndex < 0) {
            throw new IllegalArgumentException("GPU index must be >= 0, got " + gpuIndex);
        }
        if (mode != Mode.GPU && gpuIndex != 0) {
            throw new IllegalArgumentException("only the GPU mode takes an index; " + mode + " got " + gpuIndex);
        }
    }

    /** GPU number {@code index}. */
    public static DevicePolicy gpu(int index) {
        return new DevicePolicy(Mode.GPU, index);
    }

    /**
     * Parses the text form ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}, {@code require_gpu}).
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static DevicePolicy parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("device policy is null; use " + FORMS);
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (t) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "gpu":
                return gpu(0);
            case "require_gpu":
                return REQUIRE_GPU;
            default:
                break;
        }
        if (t.startsWith("gpu:")) {
            String n = t.substring(4);
            if (!n.isEmpty() && n.chars().allMatch(Character::isDigit) && n.length() <= 4) {
                return gpu(Integer.parseInt(n));
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a device policy; use " + FORMS);
    }

    private static final String FORMS = "auto, cpu, gpu, gpu:N or require_gpu";

    /** The text form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        if (mode == Mode.GPU) {
            return "gpu:" + gpuIndex;
        }
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
