package ai.behavior.models.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate at each optimizer step: linear warm-up from {@code base / warmupSteps} to {@code base} over
 * the first {@code warmupSteps} steps, then {@link LearningRateDecay} from {@code base} to
 * {@code base * finalFraction} at step {@code totalSteps}; constant after that.
 *
 * <pre>{@code
 * LearningRateSchedule s = new LearningRateSchedule(1e-3, 100, 1000, LearningRateDecay.COSINE, 0.0);
 * float lr = s.rate(550);   // 5e-4: half-way through the cosine
 * }</pre>
 *
 * <p>Steps count from 1, as DJL's optimizers pass them (the update count of a parameter).
 *
 * @param base          the peak learning rate
 * @param warmupSteps   steps of linear warm-up (0 = none)
 * @param totalSteps    the step at which decay ends (normally epochs times batches per epoch)
 * @param decay         the decay after warm-up
 * @param finalFraction the final rate as a fraction of {@code base}, in [0, 1]
 */
public record LearningRateSchedule(double base, int warmupSteps, long totalSteps, LearningRateDecay decay,
                                   double finalFraction) implements Tracker {
    /** Checks the arguments. */
    public LearningRateSchedule {
        if (!(base > 0) || !Double.isFinite(base)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + base);
        }
        if (warmupSteps < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("need warmupSteps >= 0 and totalSteps >= 1, got " + warmupSteps
                    + " and " + totalSteps);
        }
        if (!(finalFraction >= 0 && finalFraction <= 1)) {
            throw new IllegalArgumentException("finalFraction must be in [0, 1], got " + finalFraction);
        }
        java.util.Objects.requireNonNull(decay, "decay");
    }

    /** The rate at 1-based step {@code step}. */
    public float rate(long step) {
        long t = Math.max(1, step);
        if (t <= warmupSteps) {
            return (float) (base * t / warmupSteps);
        }
        long span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (t - warmupSteps) / span);
        double end = base * finalFraction;
        switch (decay) {
            case COSINE:
                return (float) (end + (base - end) * 0.5 * (1 + Math.cos(Math.PI * progress)));
            case LINEAR:
                return (float) (base + (end - base) * progress);
            default:
                return (float) base;
        }
    }

    @Override
    public float getNewValue(int numUpdate) {
        return rate(numUpdate);
    }
}
