package ai.behavior.feature.select;

import ai.behavior.feature.DenseReducer;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.FittedReducer;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.TransformKinds;
import ai.behavior.feature.numeric.Standardize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReducerRoundTripTest {
    /** One configured reducer per registered kind; the coverage test fails when a kind has no entry. */
    private static final Map<String, DenseReducer> CASES = new TreeMap<>(Map.of(
            Pca.KIND, Pca.varianceShare(0.9).whitened(),
            VarianceThreshold.KIND, VarianceThreshold.of(),
            CorrelationFilter.KIND, CorrelationFilter.above(0.9),
            MutualInformationSelect.KIND, MutualInformationSelect.top(2).withBins(5)));
    private static final List<String> COLUMNS = List.of("a", "b", "c", "d");
    private static final int ROWS = 40;

    @TempDir
    Path tmp;

    /** a: a wave; b: nearly 2a (r > 0.99); c: constant; d: follows the label. Labels alternate 0, 1. */
    private static FeatureFrame frame(int rows, double shift) {
        double[][] v = new double[4][rows];
        for (int r = 0; r < rows; r++) {
            v[0][r] = Math.sin(r * 0.7) + shift;
            v[1][r] = 2 * v[0][r] + 0.01 * Math.cos(r * 3.1);
            v[2][r] = 3;
            v[3][r] = r % 2 + 0.3 * Math.sin(r * 1.3) - shift;
        }
        FeatureFrame.Builder b = FeatureFrame.builder(rows);
        for (int j = 0; j < 4; j++) {
            b.numeric(COLUMNS.get(j), v[j]);
        }
        return b.build();
    }

    private static FitContext labels() {
        double[] y = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = r % 2;
        }
        return FitContext.withLabels(y);
    }

    @Test
    void everyRegisteredReducerKindIsCovered() {
        assertEquals(new TreeSet<>(new SelectKinds().reducers().keySet()), CASES.keySet());
        assertTrue(TransformKinds.reducerKinds().containsAll(CASES.keySet()), TransformKinds.reducerKinds().toString());
    }

    @Test
    void saveLoadGivesIdenticalOutputsForEveryKind() throws IOException {
        FeatureFrame train = frame(ROWS, 0);
        FeatureFrame test = frame(25, 0.4);
        for (Map.Entry<String, DenseReducer> c : CASES.entrySet()) {
            Pipeline.Builder b = Pipeline.builder();
            COLUMNS.forEach(col -> b.add(col, Standardize.of(col)));
            FittedPipeline p = b.reduce("reduce", c.getValue()).build().fit(train, labels());
            Path dir = tmp.resolve(c.getKey());
            p.save(dir);
            FittedPipeline again = FittedPipeline.load(dir);
            String kind = c.getKey();
            assertTrue(Files.readString(dir.resolve("pipeline.json")).contains("\"kind\": \"" + kind + "\""), kind);
            FeatureMatrix before = p.transform(test);
            FeatureMatrix after = again.transform(test);
            assertTrue(before.schema().denseWidth() < COLUMNS.size(), kind + " should reduce the block");
            assertArrayEquals(before.denseBlock(), after.denseBlock(), kind);
            assertEquals(p.schema().features(), again.schema().features(), kind);
            assertEquals(p.describe(), again.describe(), kind);
        }
    }

    @Test
    void expectedColumnsSurviveInAPipeline() {
        // standardised c is all zeros (constant); b duplicates a; d carries the label, while a and b score 0 nats
        // (a tie that the earlier column, a, wins)
        Map<String, List<String>> expected = Map.of(
                VarianceThreshold.KIND, List.of("a", "b", "d"),
                CorrelationFilter.KIND, List.of("a", "c", "d"),
                MutualInformationSelect.KIND, List.of("a", "d"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            Pipeline.Builder b = Pipeline.builder();
            COLUMNS.forEach(col -> b.add(col, Standardize.of(col)));
            FittedPipeline p = b.reduce("reduce", CASES.get(e.getKey())).build().fit(frame(ROWS, 0), labels());
            assertEquals(e.getValue(), p.schema().denseNames(), p.describe());
        }
    }

    @Test
    void applyAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] block = new float[ROWS * 4];
        double[] y = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = r % 2;
            block[r * 4] = (float) Math.sin(r);
            block[r * 4 + 1] = (float) Math.cos(r);
            block[r * 4 + 2] = r % 2;
            block[r * 4 + 3] = r % 5;
        }
        for (Map.Entry<String, DenseReducer> c : CASES.entrySet()) {
            FittedReducer f = c.getValue().fit(block, ROWS, COLUMNS, FitContext.withLabels(y));
            float[] out = new float[f.outputNames().size()];
            for (int i = 0; i < 20_000; i++) {     // warm up, so class loading is not counted
                f.apply(block, (i % ROWS) * 4, out, 0);
            }
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100_000; i++) {
                f.apply(block, (i % ROWS) * 4, out, 0);
            }
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            assertTrue(allocated < 1024, c.getKey() + " allocated " + allocated + " bytes in 100,000 rows");
        }
    }
}
