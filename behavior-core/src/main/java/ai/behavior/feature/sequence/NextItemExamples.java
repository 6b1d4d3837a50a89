package ai.behavior.feature.sequence;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.feature.FeatureFrame;

import java.util.Arrays;

/**
 * Training examples for next-item prediction: every position {@code t >= 1} of each user's time-ordered
 * history gives the prefix of up to {@code maxLen} items before it and the item at {@code t} as target.
 *
 * <pre>{@code
 * NextItemExamples.Split s = NextItemExamples.leaveLastOut(log, 50, EventType.VIEW, EventType.PURCHASE);
 * FeatureFrame train = s.train().frame();   // prefix (sequence), target and user (categorical)
 * }</pre>
 *
 * <p>Histories are filtered to the given event types first (none given = every type), and ordered by
 * {@link Interactions#byUser()} (ties keep log order). Repeated items are kept: a user who views the same
 * item twice in a row gives an example whose target is also the last prefix item. Examples are ordered by user
 * index, then position.
 *
 * @param prefixes the item codes before each target (the log's item indices), oldest first, 1 to maxLen long
 * @param targets  the target item code of each example
 * @param users    the log's user index of each example
 * @param items    the log's item index (vocabulary of prefixes and targets)
 * @param userIds  the log's user index (vocabulary of {@code users})
 */
public record NextItemExamples(int[][] prefixes, int[] targets, int[] users, IdIndex items, IdIndex userIds) {
    /** Sequence column of prefix item codes. */
    public static final String PREFIX = "prefix";
    /** Categorical column of target items. */
    public static final String TARGET = "target";
    /** Categorical column of users. */
    public static final String USER = "user";

    /** Every-position examples, plus a held-out last event per user for evaluation. */
    public record Split(NextItemExamples train, NextItemExamples test) {
    }

    /** Examples from every position {@code t >= 1} of every user's filtered history. */
    public static NextItemExamples build(Interactions log, int maxLen, EventType... kinds) {
        return collect(log, maxLen, kinds, false, false);
    }

    /**
     * Leave-last-out: {@code train} holds the examples of every user's history without its last event (targets
     * at positions 1..n-2), {@code test} one example per user whose target is the last event (position n-1) and
     * whose prefix is the up to {@code maxLen} events before it. A user with one event gives no example; a user
     * with two gives only a test example.
     */
    public static Split leaveLastOut(Interactions log, int maxLen, EventType... kinds) {
        return new Split(collect(log, maxLen, kinds, true, false), collect(log, maxLen, kinds, false, true));
    }

    private static NextItemExamples collect(Interactions log, int maxLen, EventType[] kinds, boolean dropLast,
                                            boolean lastOnly) {
        if (maxLen < 1) {
            throw new IllegalArgumentException("a prefix keeps at least 1 item, got maxLen " + maxLen);
        }
        Interactions events = kinds.length == 0 ? log : log.ofTypes(kinds);
        UserHistories h = events.byUser();
        int count = 0;
        for (int u = 0; u < h.numUsers(); u++) {
            int n = h.count(u);
            count += lastOnly ? (n >= 2 ? 1 : 0) : Math.max(0, n - 1 - (dropLast ? 1 : 0));
        }
        int[][] prefixes = new int[count][];
        int[] targets = new int[count];
        int[] users = new int[count];
        int e = 0;
        for (int u = 0; u < h.numUsers(); u++) {
            int start = h.start(u);
            int end = dropLast ? h.end(u) - 1 : h.end(u);
            int first = lastOnly ? Math.max(start + 1, h.end(u) - 1) : start + 1;
            for (int p = first; p < end; p++) {
                int from = Math.max(start, p - maxLen);
                int[] prefix = new int[p - from];
                for (int q = from; q < p; q++) {
                    prefix[q - from] = events.item(h.row(q));
                }
                prefixes[e] = prefix;
                targets[e] = events.item(h.row(p));
                users[e] = u;
                e++;
            }
        }
        return new NextItemExamples(prefixes, targets, users, log.items(), log.users());
    }

    /** Number of examples. */
    public int size() {
        return targets.length;
    }

    /**
     * A frame view with one row per example: {@value #PREFIX} (sequence over {@link #items()}),
     * {@value #TARGET} and {@value #USER} (categorical over the log's item and user indices). No row keys, since
     * a user has many examples. The arrays are shared, not copied.
     */
    public FeatureFrame frame() {
        return FeatureFrame.builder(size())
                .sequences(PREFIX, prefixes, items)
                .categorical(TARGET, targets, items)
                .categorical(USER, users, userIds)
                .build();
    }

    @Override
    public String toString() {
        return "NextItemExamples[examples=" + size() + ", users=" + Arrays.stream(users).distinct().count() + "]";
    }
}
