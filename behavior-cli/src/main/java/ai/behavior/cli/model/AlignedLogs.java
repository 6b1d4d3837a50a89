package ai.behavior.cli.model;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several logs re-indexed into one user and one item index that starts with given ids (a saved model's), so
 * that parts read from different files line up with each other and with the model: the evaluators require
 * train, test and model to share their indices. Ids not in the given indices are appended after them.
 *
 * <pre>{@code
 * AlignedLogs a = AlignedLogs.of(model.users(), model.items(), train, test);
 * Interactions alignedTrain = a.parts().get(0);   // same ids, now indexed as the model indexes them
 * }</pre>
 *
 * <p>Event types, timestamps and values are kept; sessions are not (recommenders do not use them).
 *
 * @param parts    the logs, in the order given, sharing one pair of indices
 * @param users    the shared user index (the given ids first)
 * @param items    the shared item index (the given ids first)
 * @param newUsers users of the parts that were not in the given index
 * @param newItems items of the parts that were not in the given index
 */
public record AlignedLogs(List<Interactions> parts, IdIndex users, IdIndex items, int newUsers, int newItems) {
    /** Copies the list. */
    public AlignedLogs {
        parts = List.copyOf(parts);
    }

    /** Re-indexes {@code logs} into indices that start with {@code users} and {@code items}. */
    public static AlignedLogs of(IdIndex users, IdIndex items, Interactions... logs) {
        InteractionsBuilder b = Interactions.builder(users, items);
        for (Interactions log : logs) {
            int[] userMap = new int[log.numUsers()];
            int[] itemMap = new int[log.numItems()];
            Arrays.fill(userMap, -1);
            Arrays.fill(itemMap, -1);
            for (int r = 0; r < log.size(); r++) {
                int u = log.user(r);
                int i = log.item(r);
                if (userMap[u] < 0) {
                    userMap[u] = b.users().intern(log.users().id(u));
                }
                if (itemMap[i] < 0) {
                    itemMap[i] = b.items().intern(log.items().id(i));
                }
                b.add(userMap[u], itemMap[i], log.typeCode(r), log.timestamp(r), log.value(r),
                        Interactions.NO_SESSION);
            }
        }
        Interactions all = b.build();
        List<Interactions> parts = new ArrayList<>(logs.length);
        int from = 0;
        for (Interactions log : logs) {
            int[] rows = new int[log.size()];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = from + k;
            }
            parts.add(all.select(rows));
            from += log.size();
        }
        return new AlignedLogs(parts, all.users(), all.items(), all.numUsers() - users.size(),
                all.numItems() - items.size());
    }
}
