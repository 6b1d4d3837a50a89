package ai.behavior.models.mlp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpInputsTest {
    @Test
    void theFastFiniteCheckFindsEveryBadValueInEveryLaneAndTheTail() {
        // 19 values: two blocks of 8 summed in eight lanes, then a tail of 3 summed one by one
        float[] v = new float[19];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * (i + 0.25f);
        }
        assertTrue(MlpInputs.allFinite(v, 0, v.length));
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int at = 0; at < v.length; at++) {
                float keep = v[at];
                v[at] = bad;
                assertFalse(MlpInputs.allFinite(v, 0, v.length), bad + " at " + at);
                // outside the checked range it does not count
                assertTrue(MlpInputs.allFinite(v, at + 1, v.length), bad + " before " + (at + 1));
                v[at] = keep;
            }
        }
        // the extremes of the finite floats are finite; an empty range is
        v[3] = Float.MAX_VALUE;
        v[4] = -Float.MAX_VALUE;
        v[5] = Float.MIN_VALUE;
        v[6] = -0f;
        assertTrue(MlpInputs.allFinite(v, 0, v.length));
        assertTrue(MlpInputs.allFinite(v, 7, 7));
    }
}
