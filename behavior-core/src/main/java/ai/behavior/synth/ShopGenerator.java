package ai.behavior.synth;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one generation: catalogue, then users one by one (drawn on demand and simulated straight into the
 * log), then the attribute tables and the truth. With a target event count, users are added until the log
 * reaches it.
 */
final class ShopGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ShopGenerator.class);
    /** Users simulated before a target run checks that the options can reach the target at all. */
    private static final int PROBE_USERS = 1_000;

    private final SyntheticShop.Options options;

    ShopGenerator(SyntheticShop.Options options) {
        this.options = options;
    }

    /** Largest pre-sized log (16.7M events, about 350 MB of columns). */
    private static final long PRESIZE_CAP = 1 << 24;

    ShopData run() {
        long started = System.nanoTime();
        ShopCalendar calendar = new ShopCalendar(options.startDate(), options.days());
        Catalogue catalogue = Catalogue.generate(options);
        Population population = new Population(options, calendar);
        // Pre-size to the target (plus slack for the last user's overshoot) so the columns do not grow by
        // copying; capped, since a target may be unreachable and is only checked after the first users.
        InteractionsBuilder builder = options.targetEvents() > 0
                ? Interactions.builder((int) Math.min(options.targetEvents() + 4096, PRESIZE_CAP))
                : Interactions.builder();
        IdIndex.Builder items = builder.items();
        for (int i = 0; i < options.items(); i++) {
            items.intern("i" + i);
        }
        ViewTruth views = simulateUsers(builder, catalogue, population, calendar);
        int numUsers = population.size;
        // the view buffer is garbage by now, so the log's final copy does not coexist with it
        Interactions log = builder.build();
        GroundTruth truth = new GroundTruth(population.truth(), catalogue.truth(), views);
        ShopData shop = new ShopData(log, population.table(), catalogue.table(), truth,
                options.withUsers(numUsers));
        if (LOG.isDebugEnabled()) {
            LOG.debug("synthetic shop: {} in {} ms", shop, (System.nanoTime() - started) / 1_000_000);
        }
        return shop;
    }

    /** Simulates every user into {@code builder}; returns the frozen view truth. */
    private ViewTruth simulateUsers(InteractionsBuilder builder, Catalogue catalogue, Population population,
                                    ShopCalendar calendar) {
        IdIndex.Builder users = builder.users();
        long target = options.targetEvents();
        ViewTruthBuffer views = new ViewTruthBuffer((int) Math.min(1 << 22, target / 2));
        UserSimulator simulator = new UserSimulator(options, builder, views, catalogue, population, calendar);
        if (target > 0) {
            int maxUsers = SyntheticShop.Options.maxRows(options.dimension());
            for (int u = 0; builder.size() < target; u++) {
                if (u == PROBE_USERS) {
                    checkReachable(builder.size(), target);
                }
                if (u == maxUsers) {
                    throw new IllegalArgumentException("targetEvents " + target + " needs more than " + u
                            + " users at dimension " + options.dimension());
                }
                population.ensureSize(u + 1);
                users.intern("u" + u);
                simulator.simulate(u);
            }
        } else {
            population.ensureSize(options.users());
            for (int u = 0; u < options.users(); u++) {
                users.intern("u" + u);
                simulator.simulate(u);
            }
        }
        return views.freeze();
    }

    private static void checkReachable(long events, long target) {
        double perUser = (double) events / PROBE_USERS;
        if (perUser * SyntheticShop.Options.maxRows(1) < target) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "targetEvents %d is out of reach: these options give about %.3f events per user, so it "
                            + "would need more than %d users; raise sessionsPerWeek or the span",
                    target, perUser, SyntheticShop.Options.MAX_USERS));
        }
    }
}
