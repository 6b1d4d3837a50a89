package ai.behavior.models.sequence;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;

import java.util.SplittableRandom;

/**
 * A planted next-item log for tests: {@code items} items on a circle; each user starts at a random item and walks
 * it with a personal step of 1 or 2 (so the next item depends on the last two), with probability {@code noise}
 * an event is a uniformly random item instead. Events are one minute apart, all VIEW; user {@code u} is
 * {@code "u" + u}, item {@code i} is {@code "i" + i} (items interned in order, so item index = {@code i}).
 * Every item is about equally popular, so popularity cannot predict the next item, and a sequence model that
 * learns the walk reaches a hit rate near {@code 1 - noise}.
 */
final class Cycles {
    private Cycles() {
    }

    static Interactions log(int users, int items, int minLength, int maxLength, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        InteractionsBuilder b = Interactions.builder();
        for (int i = 0; i < items; i++) {
            b.items().intern("i" + i);
        }
        long t0 = 1_700_000_000_000L;
        for (int u = 0; u < users; u++) {
            int step = 1 + r.nextInt(2);
            int item = r.nextInt(items);
            int n = minLength + r.nextInt(maxLength - minLength + 1);
            for (int k = 0; k < n; k++) {
                int shown = r.nextDouble() < noise ? r.nextInt(items) : item;
                b.add("u" + u, "i" + shown, EventType.VIEW, t0 + 60_000L * (u * 1000L + k), 1f);
                item = (item + step) % items;
            }
        }
        return b.build();
    }
}
