package ai.behavior.models.device;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.util.cuda.CudaUtils;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the deep-learning engine found on this machine: its name and version, whether the loaded native library
 * is a CUDA build (and which CUDA), and how many GPUs the CUDA driver reports. Device selection takes these as
 * a value so that its logic can be tested with any GPU count on a machine without one.
 *
 * <pre>{@code
 * EngineFacts facts = EngineFacts.detect();                          // loads the engine
 * EngineFacts twoGpus = new EngineFacts("PyTorch", "2.7.1", "0.35.1", "cu128", "12.8", 2);  // in tests
 * }</pre>
 *
 * @param engine        engine name ("PyTorch")
 * @param engineVersion engine (libtorch) version
 * @param djlVersion    DJL version
 * @param flavour       native build flavour: "cpu", "cu128", ... ("unknown" when it cannot be told)
 * @param cudaVersion   CUDA runtime version found by the driver, or {@code null} when there is no CUDA
 * @param gpuCount      GPUs reported by the CUDA driver (0 without a driver)
 */
public record EngineFacts(String engine, String engineVersion, String djlVersion, String flavour,
                          String cudaVersion, int gpuCount) {
    /** Checks the count. */
    public EngineFacts {
        if (gpuCount < 0) {
            throw new IllegalArgumentException("gpuCount must be >= 0, got " + gpuCount);
        }
    }

    /** Asks the default DJL engine (loading it if needed); the answer is cached for the life of the process. */
    public static EngineFacts detect() {
        EngineFacts f = cached;
        if (f == null) {
            f = ask();
            cached = f;
        }
        return f;
    }

    private static volatile EngineFacts cached;

    private static EngineFacts ask() {
        Engine e = Engine.getInstance();
        boolean cudaBuild = e.hasCapability(StandardCapabilities.CUDA);
        int gpus = cudaBuild ? e.getGpuCount() : safeDriverGpuCount();
        String cuda = gpus > 0 || cudaBuild ? CudaUtils.getCudaVersionString() : null;
        return new EngineFacts(e.getEngineName(), e.getVersion(), Engine.getDjlVersion(), flavour(cudaBuild),
                cuda, gpus);
    }

    /** Whether the loaded native library can run on a GPU. */
    public boolean cudaBuild() {
        return flavour.startsWith("cu");
    }

    /** GPUs the engine can actually use: the driver's count with a CUDA build, else 0. */
    public int usableGpus() {
        return cudaBuild() ? gpuCount : 0;
    }

    private static int safeDriverGpuCount() {
        try {
            return CudaUtils.hasCuda() ? CudaUtils.getGpuCount() : 0;
        } catch (RuntimeException | LinkageError e) {
            return 0; // no driver: no GPU
        }
    }

    /** The flavour from the libtorch folder name ("2.7.1-20250812-cpu-linux-x86_64"), else from capability. */
    private static String flavour(boolean cudaBuild) {
        try {
            String dir = Path.of(ai.djl.pytorch.jni.LibUtils.getLibtorchPath()).getFileName().toString()
                    .toLowerCase(Locale.ROOT);
            for (String part : dir.split("-")) {
                if (part.equals("cpu") || part.startsWith("cu") && part.length() > 2
                        && Character.isDigit(part.charAt(2))) {
                    return part;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // another engine or an unusual layout: fall back to the capability
        }
        return cudaBuild ? "cuda" : "cpu";
    }
}
