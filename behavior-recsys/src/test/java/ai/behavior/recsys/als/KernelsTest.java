package ai.behavior.recsys.als;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelsTest {
    private static float[][] rows(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] a = new float[n][d];
        for (float[] row : a) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        return a;
    }

    @Test
    void dotsMatchNaiveForEveryTailLength() {
        for (int d : new int[] {1, 3, 8, 13}) {
            float[][] y = rows(30, d, d);
            float[] v = rows(1, d, 99)[0];
            for (int n = 0; n <= 17; n++) {
                int[] cols = new int[n + 2];
                for (int j = 0; j < cols.length; j++) {
                    cols[j] = (j * 7) % 30;
                }
                float[] out = new float[Kernels.padded(n)];
                Kernels.dots(y, cols, 2, n, v, out, new float[d]);
                for (int j = 0; j < n; j++) {
                    double want = 0;
                    for (int k = 0; k < d; k++) {
                        want += (double) y[cols[2 + j]][k] * v[k];
                    }
                    assertEquals(want, out[j], 1e-4, "d=" + d + " n=" + n + " j=" + j);
                }
            }
        }
    }

    @Test
    void dotsGiveTheSameBitsWhereverARowFalls() {
        float[][] y = rows(20, 11, 3);
        float[] v = rows(1, 11, 4)[0];
        float[] alone = new float[8];
        float[] grouped = new float[16];
        Kernels.dots(y, new int[] {5}, 0, 1, v, alone, new float[11]);
        Kernels.dots(y, new int[] {1, 2, 3, 4, 6, 7, 8, 9, 10, 5}, 0, 10, v, grouped, new float[11]);
        assertEquals(Float.floatToIntBits(alone[0]), Float.floatToIntBits(grouped[9]));
    }

    @Test
    void columnDotsGiveTheSameBitsAsDots() {
        // both sum y_j[k] * v[k] from zero in factor order, so they must agree bit for bit, for factor counts
        // below, at and off multiples of the 4-factor blocks and for every row-count tail
        for (int d : new int[] {1, 3, 4, 7, 8, 13}) {
            float[][] y = rows(30, d, d + 20);
            float[] v = rows(1, d, 98)[0];
            for (int n = 0; n <= 17; n++) {
                int[] cols = new int[n + 1];
                for (int j = 0; j < cols.length; j++) {
                    cols[j] = (j * 11) % 30;
                }
                float[] want = new float[Kernels.padded(n)];
                Kernels.dots(y, cols, 1, n, v, want, new float[d]);
                float[][] t = new float[d][n];
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < d; k++) {
                        t[k][j] = y[cols[1 + j]][k];
                    }
                }
                float[] got = new float[n];
                Kernels.columnDots(t, n, v, got);
                for (int j = 0; j < n; j++) {
                    assertEquals(Float.floatToIntBits(want[j]), Float.floatToIntBits(got[j]),
                            "d=" + d + " n=" + n + " j=" + j);
                }
            }
        }
    }

    @Test
    void aDotGroupThatGathersGivesTheSameDotsAndTheFactorMajorCopy() {
        int d = 6;
        float[][] y = rows(25, d, 31);
        float[] v = rows(1, d, 32)[0];
        int n = 13; // a full group of 8 and a short group of 5, padded with the zero row
        int[] cols = new int[n];
        for (int j = 0; j < n; j++) {
            cols[j] = (j * 7 + 3) % 25;
        }
        float[] want = new float[16];
        Kernels.dots(y, cols, 0, n, v, want, new float[d]);
        float[] got = new float[16];
        float[][] t = new float[d][16];
        for (int j = 0; j < n; j += 8) {
            Kernels.dotGroup(y, cols, 0, n, j, v, got, new float[d], t);
        }
        for (int j = 0; j < 16; j++) {
            assertEquals(Float.floatToIntBits(want[j]), Float.floatToIntBits(got[j]), "j=" + j);
            for (int k = 0; k < d; k++) {
                assertEquals(j < n ? y[cols[j]][k] : 0f, t[k][j], "k=" + k + " j=" + j);
            }
        }
    }

    @Test
    void addRowsOverConsecutiveRangesAddsTheSameBitsAsOneCall() {
        int d = 9;
        float[][] y = rows(20, d, 41);
        int n = 19;
        int[] cols = new int[n];
        float[] w = new float[n];
        for (int j = 0; j < n; j++) {
            cols[j] = (j * 3) % 20;
            w[j] = 0.25f * j - 2;
        }
        float[] once = rows(1, d, 42)[0];
        float[] pieces = once.clone();
        Kernels.addRows(y, cols, 0, n, w, once, new float[d]);
        for (int j = 0; j < n; j += 8) {
            Kernels.addRows(y, cols, 0, j, Math.min(n, j + 8), w, pieces, new float[d]);
        }
        for (int k = 0; k < d; k++) {
            assertEquals(Float.floatToIntBits(once[k]), Float.floatToIntBits(pieces[k]), "k=" + k);
        }
    }

    @Test
    void addRowsMatchesNaive() {
        for (int d : new int[] {1, 5, 16}) {
            float[][] y = rows(12, d, d + 10);
            for (int n = 0; n <= 9; n++) {
                int[] cols = new int[n];
                float[] w = new float[n];
                for (int j = 0; j < n; j++) {
                    cols[j] = (j * 5) % 12;
                    w[j] = 0.5f * j - 1;
                }
                float[] acc = new float[d];
                acc[0] = 2f;
                Kernels.addRows(y, cols, 0, n, w, acc, new float[d]);
                float[] want = new float[d];
                want[0] = 2f;
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < d; k++) {
                        want[k] += w[j] * y[cols[j]][k];
                    }
                }
                assertArrayEquals(want, acc, 1e-4f, "d=" + d + " n=" + n);
            }
        }
    }

    @Test
    void symmetricTimesIsAMatrixVectorProduct() {
        int d = 7;
        float[][] m = rows(d, d, 5);
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < k; l++) {
                m[l][k] = m[k][l];
            }
        }
        float[] x = rows(1, d, 6)[0];
        float[] out = new float[d];
        Kernels.symmetricTimes(m, x, out, new float[d]);
        for (int k = 0; k < d; k++) {
            double want = 0;
            for (int l = 0; l < d; l++) {
                want += (double) m[k][l] * x[l];
            }
            assertEquals(want, out[k], 1e-4);
        }
    }
}
