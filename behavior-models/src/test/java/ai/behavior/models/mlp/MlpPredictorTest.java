package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.Planted;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batched, thread-safe prediction that never accumulates native memory. */
class MlpPredictorTest {
    /** RSS may move this much over the warmed-up baseline during a million predictions (heap churn, allocator). */
    static final long RSS_BOUND_BYTES = 64L << 20;

    private static MlpModel model;

    @BeforeAll
    static void train() {
        Planted train = Planted.binary(4_000, 21);
        model = Mlp.fit(train.matrix(), train.labels(), MlpTest.quick(MlpTask.BINARY).withHidden(64, 32), null);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aMillionPredictionsKeepLiveArraysAndRssFlat() throws IOException {
        FeatureMatrix batch = Planted.binary(1_000, 22).matrix();
        int parameters = model.liveArrays();
        // the parameters: one embedding table plus weight and bias of three linear layers = 7 arrays
        assertEquals(7, parameters);
        for (int i = 0; i < 200; i++) {
            model.predict(batch); // warm-up: JIT, allocator pools, PyTorch's caches
        }
        System.gc();
        long baseline = rss();
        int systemArrays = systemArrays();
        long maxRss = baseline;
        double checksum = 0;
        long start = System.nanoTime();
        for (int call = 1; call <= 1_000; call++) {
            double[] p = model.predict(batch);
            checksum += p[call % p.length];
            if (call % 100 == 0) {
                assertEquals(parameters, model.liveArrays(), "live arrays on the model's manager after " + call
                        + " calls");
                maxRss = Math.max(maxRss, rss());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(systemArrays, systemArrays(), "arrays alive in the whole engine");
        System.out.printf(Locale.ROOT, "1,000,000 predictions in %.2f s (%.0f rows/s, batches of 1,000); RSS "
                + "baseline %d MB, max %d MB (+%d MB); checksum %.3f%n", seconds, 1e6 / seconds, baseline >> 20,
                maxRss >> 20, (maxRss - baseline) >> 20, checksum);
        assertTrue(maxRss - baseline < RSS_BOUND_BYTES, "RSS grew by " + ((maxRss - baseline) >> 20) + " MB");
    }

    @Test
    void concurrentPredictionsEqualSequentialOnesAndFreeEverything() throws Exception {
        List<FeatureMatrix> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            FeatureMatrix m = Planted.binary(5_000, 30 + t).matrix();
            inputs.add(m);
            expected.add(model.predict(m));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int k = t;
                done.add(pool.submit(() -> {
                    boolean same = true;
                    for (int rep = 0; rep < 20; rep++) {
                        same &= Arrays.equals(expected.get(k), model.predict(inputs.get(k)));
                    }
                    return same;
                }));
            }
            for (Future<Boolean> f : done) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(7, model.liveArrays());
    }

    @Test
    void explicitPredictorsAgreeWithTheThreadLocalPath() {
        FeatureMatrix m = Planted.binary(9_000, 40).matrix(); // more than two inference batches of 4,096
        double[] viaModel = model.predict(m);
        double[] viaPredictor = model.newPredictor().predict(m);
        assertArrayEquals(viaModel, viaPredictor);
        // single rows give the same numbers as the batch (up to float rounding of a different matmul shape)
        MlpPredictor one = model.newPredictor();
        double[] out = new double[1];
        int n = 10_000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            int row = i % m.rows();
            long s = System.nanoTime();
            one.predict(m, row, row + 1, out, 0);
            nanos[i] = System.nanoTime() - s;
            assertEquals(viaModel[row], out[0], 1e-6);
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "single-row latency p50 %.1f us, p99 %.1f us%n", nanos[n / 2] / 1e3,
                nanos[n * 99 / 100] / 1e3);
    }

    @Test
    void theLeanPassPredictsWhatTheNetworksOwnForwardPredicts() {
        // Two categorical columns (cardinality 5 and 3), then every layer kind the lean pass handles: linear,
        // batch norm, layer norm, relu, dropout. Both paths feed the body the same joined rows, so they agree
        // to float rounding (the BLAS may round differently for differently aligned inputs).
        FeatureSchema schema = new FeatureSchema(List.of(new FeatureSpec.Dense("x1"), new FeatureSpec.Categorical(
                "c", 5), new FeatureSpec.Dense("x2"), new FeatureSpec.Categorical("d", 3)));
        Planted base = Planted.binary(3_000, 60);
        FeatureMatrix m = new FeatureMatrix(schema, 3_000);
        for (int i = 0; i < 3_000; i++) {
            m.denseBlock()[2 * i] = base.matrix().denseBlock()[2 * i];
            m.denseBlock()[2 * i + 1] = base.matrix().denseBlock()[2 * i + 1];
            m.categoricalBlock()[2 * i] = base.matrix().categoricalBlock()[i];
            m.categoricalBlock()[2 * i + 1] = i % 3; // index 0 (unknown) included
        }
        MlpOptions quick = MlpTest.quick(MlpTask.BINARY).withTraining(MlpTest.quick(MlpTask.BINARY).training()
                .withEpochs(2));
        for (MlpOptions o : new MlpOptions[] {quick.withNorm(MlpNorm.BATCH).withDropout(0.3),
                quick.withNorm(MlpNorm.LAYER), quick.withHidden()}) {
            try (MlpModel mm = Mlp.fit(m, base.labels(), o, null)) {
                assertTrue(mm.lean() != null, "small tables are copied for the lean pass");
                double[] lean = new MlpPredictor(mm, true).predict(m);
                double[] general = new MlpPredictor(mm, false).predict(m);
                for (int i = 0; i < lean.length; i++) {
                    assertEquals(general[i], lean[i], 1e-6, o.norm() + " row " + i);
                }
                // one row at a time too (the shapes single-row serving sends)
                double[] one = new double[1];
                new MlpPredictor(mm, true).predict(m, 17, 18, one, 0);
                assertEquals(general[17], one[0], 1e-6);
            }
        }
        // the Java copies: 5 x 4 and 3 x round(1.6 * 3^0.56) = 3 x 3 values
        assertEquals(5 * 4 + 3 * 3, MlpForward.tableValues(new MlpBlock(MlpArchitecture.of(schema, quick))));
    }

    private static int systemArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    /** Resident set size from /proc/self/status (Linux). */
    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                String kb = line.substring(6).trim().split("\\s+")[0];
                return Long.parseLong(kb) * 1024;
            }
        }
        throw new IOException("no VmRSS line in /proc/self/status");
    }
}
