package ai.behavior.recsys.als;

/**
 * Which dense kernels implicit ALS training uses in this JVM, for logs and benchmark reports.
 *
 * <pre>{@code
 * String kernels = AlsKernels.forFactors(64);   // "vector-256" with --add-modules jdk.incubator.vector, else "scalar"
 * System.out.println("implicit ALS kernels: " + kernels);
 * }</pre>
 *
 * <p>Training takes Vector API kernels (fused passes over each row's entries, about 40 % less CPU time at
 * 64 factors; see docs/recommenders.md) when the JVM runs with {@code --add-modules jdk.incubator.vector},
 * the hardware has 256-bit vectors and there are at least 8 factors; otherwise plain-Java kernels that HotSpot
 * vectorises. The system property {@code behavior.als.kernels=scalar} forces the latter. Both are
 * deterministic and independent of the thread count; their results differ by float rounding.
 */
public final class AlsKernels {
    private AlsKernels() {
    }

    /**
     * The kernels a fit with {@code factors} factors would use now: {@code "scalar"} or {@code "vector-256"}.
     *
     * @throws IllegalArgumentException if {@code factors < 1} or the system property has an unknown value
     */
    public static String forFactors(int factors) {
        if (factors < 1) {
            throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        }
        return RowPasses.chosen(factors);
    }
}
