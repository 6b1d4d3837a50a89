package ai.behavior.bench.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak Java heap use over a stretch of work: the sum of every heap pool's peak since {@link #reset()}. The
 * pools peak at different moments, so the sum is an upper bound on the true peak (within a few per cent on
 * a generational collector, where the old generation dominates).
 */
final class PeakHeap {
    private PeakHeap() {
    }

    /** Starts a new measurement. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Peak heap in MiB since the last reset. */
    static double mebibytes() {
        long bytes = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                bytes += p.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
