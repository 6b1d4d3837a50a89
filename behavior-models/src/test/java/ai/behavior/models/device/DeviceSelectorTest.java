package ai.behavior.models.device;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy logic with simulated engines: no GPU, two GPUs with a CUDA build, two GPUs with a CPU build. */
class DeviceSelectorTest {
    private static final EngineFacts NO_GPU = new EngineFacts("PyTorch", "2.7.1", "0.35.1", "cpu", null, 0);
    private static final EngineFacts TWO_GPUS = new EngineFacts("PyTorch", "2.7.1", "0.35.1", "cu128", "12.8", 2);
    private static final EngineFacts GPUS_CPU_BUILD = new EngineFacts("PyTorch", "2.7.1", "0.35.1", "cpu", "12.8", 2);
    private static final UnaryOperator<String> NONE = k -> null;

    private static DeviceReport pick(DevicePolicy explicit, EngineFacts facts) {
        return DeviceSelector.choose(explicit, NONE, NONE, facts).report();
    }

    @Test
    void precedenceIsOptionThenPropertyThenEnvironmentThenAuto() {
        UnaryOperator<String> property = Map.of(DeviceSelector.PROPERTY, "gpu:1")::get;
        UnaryOperator<String> env = Map.of(DeviceSelector.ENV, "cpu")::get;
        DeviceReport option = DeviceSelector.choose(DevicePolicy.CPU, property, env, TWO_GPUS).report();
        assertEquals("option", option.source());
        assertEquals("cpu", option.used());
        DeviceReport prop = DeviceSelector.choose(null, property, env, TWO_GPUS).report();
        assertEquals("property behavior.device", prop.source());
        assertEquals("gpu:1", prop.used());
        DeviceReport fromEnv = DeviceSelector.choose(null, NONE, env, TWO_GPUS).report();
        assertEquals("env BEHAVIOR_DEVICE", fromEnv.source());
        assertEquals("cpu", fromEnv.used());
        DeviceReport auto = DeviceSelector.choose(null, NONE, NONE, TWO_GPUS).report();
        assertEquals("default", auto.source());
        assertEquals(DevicePolicy.AUTO, auto.asked());
        assertEquals("gpu:0", auto.used());
        // a blank property does not hide the environment
        UnaryOperator<String> blank = Map.of(DeviceSelector.PROPERTY, " ")::get;
        assertEquals("env BEHAVIOR_DEVICE", DeviceSelector.choose(null, blank, env, TWO_GPUS).report().source());
    }

    @Test
    void badPropertyOrEnvironmentValueNamesItsSource() {
        UnaryOperator<String> property = Map.of(DeviceSelector.PROPERTY, "gpu:first")::get;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceSelector.choose(null, property, NONE, NO_GPU));
        assertTrue(e.getMessage().contains("system property behavior.device") && e.getMessage().contains("gpu:first"),
                e.getMessage());
        UnaryOperator<String> env = Map.of(DeviceSelector.ENV, "tpu")::get;
        e = assertThrows(IllegalArgumentException.class, () -> DeviceSelector.choose(null, NONE, env, NO_GPU));
        assertTrue(e.getMessage().contains("environment variable BEHAVIOR_DEVICE"), e.getMessage());
    }

    @Test
    void withoutGpuAutoAndCpuRunOnCpuQuietly() {
        DeviceReport auto = pick(DevicePolicy.AUTO, NO_GPU);
        assertEquals("cpu", auto.used());
        assertNull(auto.warning());
        assertEquals("cpu", pick(DevicePolicy.CPU, NO_GPU).used());
        assertNull(pick(DevicePolicy.CPU, NO_GPU).warning());
    }

    @Test
    void withoutGpuAnAskedGpuWarnsAndRunsOnCpu() {
        DeviceChoice c = DeviceSelector.choose(DevicePolicy.gpu(1), NONE, NONE, NO_GPU);
        assertFalse(c.device().isGpu());
        DeviceReport r = c.report();
        assertEquals("cpu", r.used());
        assertEquals(DevicePolicy.gpu(1), r.asked());
        assertTrue(r.warning().contains("GPU 1 was asked for") && r.warning().contains("running on the CPU")
                && r.warning().contains("PYTORCH_FLAVOR"), r.warning());
        assertTrue(r.summary().contains("WARNING"), r.summary());
    }

    @Test
    void withoutGpuRequireGpuFailsClearly() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> pick(DevicePolicy.REQUIRE_GPU, NO_GPU));
        assertTrue(e.getMessage().contains("a GPU is required") && e.getMessage().contains("0 GPUs")
                && e.getMessage().contains("cpu build"), e.getMessage());
    }

    @Test
    void withTwoGpusEachPolicyPicksItsDevice() {
        DeviceChoice auto = DeviceSelector.choose(DevicePolicy.AUTO, NONE, NONE, TWO_GPUS);
        assertTrue(auto.device().isGpu());
        assertEquals(0, auto.device().getDeviceId());
        assertEquals("gpu:1", pick(DevicePolicy.gpu(1), TWO_GPUS).used());
        assertNull(pick(DevicePolicy.gpu(1), TWO_GPUS).warning());
        assertEquals("gpu:0", pick(DevicePolicy.REQUIRE_GPU, TWO_GPUS).used());
        assertEquals("cpu", pick(DevicePolicy.CPU, TWO_GPUS).used());
        DeviceReport r = pick(DevicePolicy.REQUIRE_GPU, TWO_GPUS);
        assertEquals(2, r.gpuCount());
        assertEquals("12.8", r.cudaVersion());
        assertEquals("cu128", r.flavour());
    }

    @Test
    void withTwoGpusAMissingIndexWarnsWithTheUsableRange() {
        DeviceReport r = pick(DevicePolicy.gpu(2), TWO_GPUS);
        assertEquals("cpu", r.used());
        assertTrue(r.warning().contains("GPU 2") && r.warning().contains("usable indices 0..1"), r.warning());
    }

    @Test
    void gpusWithACpuBuildOfLibtorchAreNotUsableAndSaySo() {
        DeviceReport auto = pick(DevicePolicy.AUTO, GPUS_CPU_BUILD);
        assertEquals("cpu", auto.used());
        assertTrue(auto.warning().contains("cpu build") && auto.warning().contains("2 GPUs"), auto.warning());
        assertEquals("cpu", pick(DevicePolicy.gpu(0), GPUS_CPU_BUILD).used());
        assertThrows(DeviceUnavailableException.class, () -> pick(DevicePolicy.REQUIRE_GPU, GPUS_CPU_BUILD));
    }

    @Test
    void reportJsonRoundTrips() {
        DeviceReport r = pick(DevicePolicy.gpu(1), NO_GPU);
        assertEquals(r, DeviceReport.fromJson(r.toJson()));
        DeviceReport g = pick(DevicePolicy.AUTO, TWO_GPUS);
        assertEquals(g, DeviceReport.fromJson(g.toJson()));
    }

    @Test
    void thisMachineIsDetectedAsCpuOnly() {
        // The build machine has no usable GPU and the CPU build of libtorch (the pinned native artifact).
        EngineFacts facts = EngineFacts.detect();
        assertEquals("PyTorch", facts.engine());
        assertEquals("2.7.1", facts.engineVersion());
        assertEquals("cpu", facts.flavour());
        assertEquals(0, facts.usableGpus());
        DeviceReport r = DeviceSelector.choose(DevicePolicy.gpu(0), NONE, NONE, facts).report();
        assertEquals("cpu", r.used());
        assertTrue(r.warning() != null);
        assertThrows(DeviceUnavailableException.class,
                () -> DeviceSelector.choose(DevicePolicy.REQUIRE_GPU, NONE, NONE, facts));
    }
}
