package ai.behavior.data;

import java.util.Arrays;

/**
 * Per-user, time-ordered views of an {@link Interactions} log in compressed sparse row form: for user
 * {@code u}, positions {@code start(u) .. end(u)-1} of {@link #row(int)} are that user's rows, oldest first.
 *
 * <pre>{@code
 * UserHistories h = log.byUser();
 * for (int p = h.start(u); p < h.end(u); p++) { int row = h.row(p); ... log.item(row) ... }
 * }</pre>
 *
 * <p>Rows with equal timestamps keep their order in the log, so "the last event" is well defined.
 */
public final class UserHistories {
    private final int[] offsets; // numUsers + 1
    private final int[] rows;

    private UserHistories(int[] offsets, int[] rows) {
        this.offsets = offsets;
        this.rows = rows;
    }

    static UserHistories of(Interactions log) {
        int numUsers = log.numUsers();
        int n = log.size();
        int[] offsets = new int[numUsers + 1];
        for (int r = 0; r < n; r++) {
            offsets[log.user(r) + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            offsets[u + 1] += offsets[u];
        }
        int[] fill = Arrays.copyOf(offsets, numUsers);
        int[] rows = new int[n];
        for (int r = 0; r < n; r++) { // counting sort by user keeps log order within a user
            rows[fill[log.user(r)]++] = r;
        }
        int[] scratch = new int[0];
        for (int u = 0; u < numUsers; u++) {
            int from = offsets[u];
            int to = offsets[u + 1];
            if (!isTimeOrdered(log, rows, from, to)) {
                if (scratch.length < to - from) {
                    scratch = new int[to - from];
                }
                mergeSortByTime(log, rows, scratch, from, to);
            }
        }
        return new UserHistories(offsets, rows);
    }

    /** Number of users (the log's user index space). */
    public int numUsers() {
        return offsets.length - 1;
    }

    /** First position of user {@code u}. */
    public int start(int u) {
        return offsets[u];
    }

    /** One past the last position of user {@code u}. */
    public int end(int u) {
        return offsets[u + 1];
    }

    /** Number of events of user {@code u}. */
    public int count(int u) {
        return offsets[u + 1] - offsets[u];
    }

    /** The log row at position {@code position}. */
    public int row(int position) {
        return rows[position];
    }

    /** A copy of user {@code u}'s rows, oldest first. */
    public int[] rowsOf(int u) {
        return Arrays.copyOfRange(rows, offsets[u], offsets[u + 1]);
    }

    private static boolean isTimeOrdered(Interactions log, int[] rows, int from, int to) {
        for (int p = from + 1; p < to; p++) {
            if (log.timestamp(rows[p]) < log.timestamp(rows[p - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Stable merge sort of rows[from, to) by timestamp. */
    private static void mergeSortByTime(Interactions log, int[] rows, int[] scratch, int from, int to) {
        int n = to - from;
        if (n < 24) {
            for (int i = from + 1; i < to; i++) { // stable insertion sort
                int r = rows[i];
                long t = log.timestamp(r);
                int j = i - 1;
                while (j >= from && log.timestamp(rows[j]) > t) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = r;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSortByTime(log, rows, scratch, from, mid);
        mergeSortByTime(log, rows, scratch, mid, to);
        if (log.timestamp(rows[mid - 1]) <= log.timestamp(rows[mid])) {
            return;
        }
        System.arraycopy(rows, from, scratch, 0, n);
        int i = 0;
        int j = mid - from;
        int k = from;
        while (i < mid - from && j < n) {
            rows[k++] = log.timestamp(scratch[j]) < log.timestamp(scratch[i]) ? scratch[j++] : scratch[i++];
        }
        while (i < mid - from) {
            rows[k++] = scratch[i++];
        }
        while (j < n) {
            rows[k++] = scratch[j++];
        }
    }
}
