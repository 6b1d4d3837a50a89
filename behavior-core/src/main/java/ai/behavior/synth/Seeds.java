package ai.behavior.synth;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the shop seed: one for the catalogue, one for the
 * population and one per user, so a user's behaviour depends only on the seed and the user's index.
 */
final class Seeds {
    /** Stream of the item catalogue. */
    static final long CATALOGUE = 1;
    /** Stream of the user population (attributes, tastes, churn). */
    static final long POPULATION = 2;
    /** Streams of the per-user session simulations (indexed by user). */
    static final long USER = 3;
    /** Seed offset of the pilot run that sizes a shop to a target event count. */
    static final long PILOT = 4;

    private Seeds() {
    }

    /** A generator for {@code index} in stream {@code stream} of {@code seed}. */
    static SplittableRandom stream(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed + 0x9E3779B97F4A7C15L * stream) ^ (index * 0xBF58476D1CE4E5B9L)));
    }

    /** The SplitMix64 finaliser: a bijective scrambling of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
