package ai.behavior.models.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LearningRateScheduleTest {
    private static final double EPS = 1e-9;

    @Test
    void warmUpRisesLinearlyToTheBase() {
        // base 1e-3, 4 warm-up steps: step t gives 1e-3 * t / 4
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 4, 104, LearningRateDecay.NONE, 0);
        assertEquals(0.25e-3, s.rate(1), EPS);
        assertEquals(0.5e-3, s.rate(2), EPS);
        assertEquals(1e-3, s.rate(4), EPS);
        assertEquals(1e-3, s.rate(50), EPS);
        assertEquals(1e-3, s.rate(1000), EPS);
    }

    @Test
    void cosineFallsFromBaseToFinal() {
        // warm-up 100, total 1000: decay spans 900 steps. progress = (t - 100) / 900.
        // final = 0.1 * 1e-3 = 1e-4; rate = 1e-4 + 9e-4 * (1 + cos(pi * progress)) / 2
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 100, 1000, LearningRateDecay.COSINE, 0.1);
        assertEquals(1e-3, s.rate(100), EPS);            // end of warm-up
        assertEquals(5.5e-4, s.rate(550), EPS);          // progress 0.5: 1e-4 + 9e-4 * 0.5
        assertEquals(1e-4 + 9e-4 * (1 + Math.cos(Math.PI * 0.25)) / 2, s.rate(325), 1e-9); // progress 0.25: 8.682e-4
        assertEquals(1e-4, s.rate(1000), EPS);
        assertEquals(1e-4, s.rate(5000), EPS);           // constant after the end
    }

    @Test
    void linearFallsInAStraightLine() {
        // no warm-up, total 10, final 0: rate = 1 - t / 10
        LearningRateSchedule s = new LearningRateSchedule(1.0, 0, 10, LearningRateDecay.LINEAR, 0);
        assertEquals(0.9, s.rate(1), 1e-6);
        assertEquals(0.5, s.rate(5), 1e-6);
        assertEquals(0.0, s.rate(10), 1e-6);
        assertEquals(0.9f, s.getNewValue(1), 1e-6);     // DJL's entry point gives the same
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0, 0, 1, LearningRateDecay.NONE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(Double.NaN, 0, 1, LearningRateDecay.NONE, 0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1, -1, 1, LearningRateDecay.NONE, 0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1, 0, 0, LearningRateDecay.NONE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(1, 0, 1, LearningRateDecay.NONE, 1.5));
    }
}
