package ai.behavior.feature.text;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/*
 * Fixture buckets (10 buckets, seed 0; MurmurHash3 x86_32 of the UTF-8 token from a reference Python
 * transcription, low 31 bits mod 10, sign = bit 31): red -347068675 -> 3 (-), shoes -1491595283 -> 5 (-),
 * hat 1485265044 -> 4 (+), boots -1239598720 -> 8 (-), zeta 1836716588 -> 8 (+).
 * Training: "red shoes", "Red hat", missing: n = 3, df[3] = 2, df[4] = df[5] = 1, other buckets 0.
 * Smooth idf = ln((1 + 3) / (1 + df)) + 1: bucket 3 -> ln(4/3) + 1 = 1.2876821, buckets 4, 5 -> ln 2 + 1 =
 * 1.6931472, unseen buckets -> ln 4 + 1 = 2.3862944.
 */
class HashedTfIdfTest {
    private static final FeatureFrame TRAIN = docs("red shoes", "Red hat", null);

    private static FeatureFrame docs(String... texts) {
        return FeatureFrame.builder(texts.length).text("q", texts).build();
    }

    private static FittedPipeline fit(HashedTfIdf t) {
        return Pipeline.builder().add("q", t).build().fit(TRAIN);
    }

    private static float[] row(FittedPipeline p, String text) {
        return p.transform(docs(text)).denseRow(0);
    }

    private static float[] expect(int buckets, int[] at, double[] values) {
        float[] v = new float[buckets];
        for (int i = 0; i < at.length; i++) {
            v[at[i]] = (float) values[i];
        }
        return v;
    }

    @Test
    void idfWeightedCountsAreL2Normalised() {
        FittedPipeline p = fit(HashedTfIdf.of("q").buckets(10));
        HashedTfIdf.Fitted f = (HashedTfIdf.Fitted) p.step("q");
        assertEquals(Math.log(4.0 / 3) + 1, f.idf(3), 1e-12);
        assertEquals(Math.log(2) + 1, f.idf(5), 1e-12);
        assertEquals(Math.log(4) + 1, f.idf(0), 1e-12);
        assertEquals(List.of("q.h0", "q.h1", "q.h2", "q.h3", "q.h4", "q.h5", "q.h6", "q.h7", "q.h8", "q.h9"),
                p.schema().denseNames());
        // "RED red shoes, boots!": tf 2, 1, 1 in buckets 3, 5, 8 -> 2 * 1.2876821, 1.6931472, 2.3862944;
        // norm sqrt(2.5753641^2 + 1.6931472^2 + 2.3862944^2) = 3.8979031
        assertArrayEquals(expect(10, new int[] {3, 5, 8}, new double[] {0.66070502, 0.43437385, 0.61219951}),
                row(p, "RED red shoes, boots!"), 1e-6f);
    }

    @Test
    void sublinearTfUsesOnePlusLog() {
        // bucket 3: (1 + ln 2) * 1.2876821 = 2.1802353; norm sqrt(2.1802353^2 + 1.6931472^2 + 2.3862944^2)
        // = 3.6489141
        FittedPipeline p = fit(HashedTfIdf.of("q").buckets(10).withSublinearTf());
        assertArrayEquals(expect(10, new int[] {3, 5, 8}, new double[] {0.59750250, 0.46401399, 0.65397384}),
                row(p, "RED red shoes, boots!"), 1e-6f);
    }

    @Test
    void signedHashingFlipsNegativeTokensAndCancelsOppositeCollisions() {
        FittedPipeline p = fit(HashedTfIdf.of("q").buckets(10).withSignedHash());
        // red, shoes and boots all have bit 31 set, so the unsigned row comes out negated
        assertArrayEquals(expect(10, new int[] {3, 5, 8}, new double[] {-0.66070502, -0.43437385, -0.61219951}),
                row(p, "RED red shoes, boots!"), 1e-6f);
        // boots (-) and zeta (+) share bucket 8 and cancel: the row has no weight left and stays zero
        assertArrayEquals(new float[10], row(p, "boots zeta"));
        FittedPipeline unsigned = fit(HashedTfIdf.of("q").buckets(10));
        assertArrayEquals(expect(10, new int[] {8}, new double[] {1}), row(unsigned, "boots zeta"));
    }

    @Test
    void missingAndTokenlessTextGiveAllZeroRowsAndEveryOutputIsWritten() {
        FittedPipeline p = fit(HashedTfIdf.of("q").buckets(10));
        FeatureMatrix m = new FeatureMatrix(p.schema(), 3);
        Arrays.fill(m.denseBlock(), 7f);
        p.transform(docs(null, "?!", "hat"), m);
        float[] expected = new float[30];
        expected[20 + 4] = 1f;   // one token: normalised to 1 whatever its idf
        assertArrayEquals(expected, m.denseBlock());
    }

    @Test
    void minTokenLengthSkipsShortTokensAtFitAndTransform() {
        FittedPipeline p = Pipeline.builder().add("q", HashedTfIdf.of("q").buckets(10).minTokenLength(4)).build()
                .fit(docs("red shoes", "a hat"));
        HashedTfIdf.Fitted f = (HashedTfIdf.Fitted) p.step("q");
        // only "shoes" is long enough: df[5] = 1 of n = 2 -> ln(3/2) + 1; bucket 3 (red) unseen -> ln 3 + 1
        assertEquals(Math.log(1.5) + 1, f.idf(5), 1e-12);
        assertEquals(Math.log(3) + 1, f.idf(3), 1e-12);
        assertArrayEquals(new float[10], row(p, "red hat"));
    }

    @Test
    void constantTextGetsIdfOne() {
        FittedPipeline p = Pipeline.builder().add("q", HashedTfIdf.of("q").buckets(10)).build()
                .fit(docs("hat", "hat"));
        assertEquals(1.0, ((HashedTfIdf.Fitted) p.step("q")).idf(4), 1e-12);   // ln(3/3) + 1
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> HashedTfIdf.of("q").fit(docs(), FitContext.unsupervised()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.builder().add("q", HashedTfIdf.of("q")).build().fit(docs(null, "!!", "")));
        assertTrue(e.getMessage().contains("column 'q' has no token"), e.getMessage());
        FeatureFrame categorical = FeatureFrame.builder(1).categorical("q", new String[] {"a"}).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.builder().add("q", HashedTfIdf.of("q")).build().fit(categorical));
        assertTrue(e.getMessage().contains("not TEXT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HashedTfIdf.of("q").buckets(0));
        assertThrows(IllegalArgumentException.class, () -> HashedTfIdf.of("q").minTokenLength(0));
    }
}
