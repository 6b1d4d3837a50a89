package ai.behavior.bench.peers;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.AlsKernels;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.mf.AlsOptions;
import ai.behavior.recsys.mf.BiasedMf;

/**
 * Our ALS fitted the way the Spark peer is timed: the same ratings, rank and iterations, the input built
 * outside the timing (as Spark's cached DataFrame is), only the fit on the clock.
 *
 * <pre>{@code
 * double s = BehaviorAls.fitSeconds(log, true, 64, 10, 2);
 * String name = BehaviorAls.describe(true, 64, 2);
 * }</pre>
 *
 * <p>Implicit: {@link ImplicitAls} with alpha 1 as Spark's (confidence {@code 1 + alpha * r}) and its own
 * default lambda, which is plain rather than ALS-WR-scaled; that does not change the work per iteration.
 * Explicit: {@link BiasedMf#fitAls} with ALS-WR and lambda 0.1, as Spark's {@code regParam}; it runs on one
 * thread whatever {@code threads} says.
 */
public final class BehaviorAls {
    private BehaviorAls() {
    }

    /** Seconds of one fit (implicit: {@code threads} worker threads; explicit: one thread). */
    public static double fitSeconds(Interactions log, boolean implicit, int rank, int iterations, int threads) {
        if (implicit) {
            UserItemMatrix m = UserItemMatrix.of(log, Weighting.ratings());
            long t0 = System.nanoTime();
            ImplicitAls.fit(m, ImplicitAls.Options.defaults().withFactors(rank).withIterations(iterations)
                    .withAlpha(1.0).withThreads(threads));
            return (System.nanoTime() - t0) / 1e9;
        }
        long t0 = System.nanoTime();
        BiasedMf.fitAls(log, AlsOptions.defaults().withFactors(rank).withEpochs(iterations).withRegularization(0.1));
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Threads a fit really uses: {@code threads} for implicit ALS, 1 for explicit (single-threaded). */
    public static int threadsUsed(boolean implicit, int threads) {
        return implicit ? threads : 1;
    }

    /**
     * A name for result lines, e.g. {@code "behavior implicit-als rank=64 threads=2 kernels=vector-256"} (the
     * kernels of {@link AlsKernels}: {@code vector-256} when the JVM runs with
     * {@code --add-modules jdk.incubator.vector}, else {@code scalar}).
     */
    public static String describe(boolean implicit, int rank, int threads) {
        return "behavior " + (implicit ? "implicit-als" : "biased-mf als-wr") + " rank=" + rank + " threads="
                + threadsUsed(implicit, threads) + (implicit ? " kernels=" + AlsKernels.forFactors(rank) : "");
    }
}
