package ai.behavior.models.sequence;

import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;

import java.util.Arrays;

/**
 * Next-item questions for evaluation and validation: for every user with at least one event in both logs, the
 * user's whole history in {@code history} (oldest first) and, as the answer, the user's first event in
 * {@code heldOut} (by time, ties in log order). Users appear in user-index order.
 *
 * <pre>{@code
 * NextItemQueries q = NextItemQueries.of(parts.train(), parts.validation());
 * SequenceModel m = ...; int[][] top = m.recommend(q.histories(), 10);   // compare with q.targets()
 * }</pre>
 *
 * @param histories each user's history (items, types and gaps)
 * @param targets   each user's held-out item code (the logs' shared item index)
 * @param users     each user's index in the logs
 */
public record NextItemQueries(EventSequences histories, int[] targets, int[] users) {
    /**
     * The questions of {@code history} (events before) and {@code heldOut} (the events to predict), two parts of
     * one log sharing its user and item indices.
     *
     * @throws IllegalArgumentException if the logs do not share their indices
     */
    public static NextItemQueries of(Interactions history, Interactions heldOut) {
        if (!history.users().sameIdsAs(heldOut.users()) || !history.items().sameIdsAs(heldOut.items())) {
            throw new IllegalArgumentException("the history and held-out logs must share their user and item indices "
                    + "(make them with a split of one log)");
        }
        EventSequences all = EventSequences.histories(history);
        UserHistories held = heldOut.byUser();
        int[] users = new int[held.numUsers()];
        int[] targets = new int[held.numUsers()];
        int n = 0;
        for (int u = 0; u < held.numUsers(); u++) {
            if (held.count(u) > 0 && u < all.size() && all.items()[u].length > 0) {
                users[n] = u;
                targets[n] = heldOut.item(held.row(held.start(u)));
                n++;
            }
        }
        users = Arrays.copyOf(users, n);
        return new NextItemQueries(all.select(users), Arrays.copyOf(targets, n), users);
    }

    /** Number of questions. */
    public int size() {
        return targets.length;
    }
}
