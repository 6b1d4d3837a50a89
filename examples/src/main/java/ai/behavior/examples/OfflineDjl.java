package ai.behavior.examples;

import java.nio.file.Path;

/**
 * The example programs run DJL offline with its cache inside the project, as the build's tests do, unless the
 * user set otherwise: {@code ai.djl.offline=true} (nothing is ever downloaded) and {@code DJL_CACHE_DIR} =
 * {@code .djl-cache} in the working directory (where the PyTorch native library is unpacked on first use).
 */
final class OfflineDjl {
    private OfflineDjl() {
    }

    /** Sets the two properties when neither a property nor an environment variable already does. */
    static void configure() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(".djl-cache").toAbsolutePath().toString());
        }
    }
}
