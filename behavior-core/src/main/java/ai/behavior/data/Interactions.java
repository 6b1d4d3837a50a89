package ai.behavior.data;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An immutable, columnar behaviour log: one row per event with a dense user index, dense item index,
 * event type, epoch-millisecond timestamp, a float value and an optional session.
 *
 * <pre>{@code
 * Interactions log = CsvInteractionReader.read(path, schema).interactions();
 * UserHistories byUser = log.byUser();   // per-user, time-ordered views
 * }</pre>
 *
 * <p>The value's meaning depends on the event: a rating for {@link EventType#RATING}, a price for
 * {@link EventType#PURCHASE}, dwell seconds for {@link EventType#VIEW}; it is always finite. Subsets made
 * by {@link #select(int[])} (as splits do) share this log's user and item indices, so a model trained on one
 * part can be scored on another.
 */
public final class Interactions {
    /** Session value of a row that has no session. */
    public static final int NO_SESSION = -1;

    private final IdIndex users;
    private final IdIndex items;
    private final IdIndex sessions; // null when the log has no sessions
    private final int[] user;
    private final int[] item;
    private final byte[] type;
    private final long[] time;
    private final float[] value;
    private final int[] session; // null when the log has no sessions
    private volatile UserHistories byUser;

    Interactions(IdIndex users, IdIndex items, IdIndex sessions, int[] user, int[] item, byte[] type,
                 long[] time, float[] value, int[] session) {
        this.users = users;
        this.items = items;
        this.sessions = sessions;
        this.user = user;
        this.item = item;
        this.type = type;
        this.time = time;
        this.value = value;
        this.session = session;
    }

    /** A builder that assigns user and item indices as ids arrive. */
    public static InteractionsBuilder builder() {
        return new InteractionsBuilder(IdIndex.builder(), IdIndex.builder());
    }

    /** A builder with room for {@code expectedEvents} events before it must grow (saves copies on big logs). */
    public static InteractionsBuilder builder(int expectedEvents) {
        return new InteractionsBuilder(IdIndex.builder(), IdIndex.builder(), expectedEvents);
    }

    /** A builder whose user and item indices start from existing ones (new ids are appended). */
    public static InteractionsBuilder builder(IdIndex users, IdIndex items) {
        return new InteractionsBuilder(users.toBuilder(), items.toBuilder());
    }

    /** Number of events. */
    public int size() {
        return user.length;
    }

    /** Whether there are no events. */
    public boolean isEmpty() {
        return user.length == 0;
    }

    /** The user index space (shared by every subset of this log). */
    public IdIndex users() {
        return users;
    }

    /** The item index space (shared by every subset of this log). */
    public IdIndex items() {
        return items;
    }

    /** Number of users in the index space (some may have no events in a subset). */
    public int numUsers() {
        return users.size();
    }

    /** Number of items in the index space (some may have no events in a subset). */
    public int numItems() {
        return items.size();
    }

    /** Dense user index of row {@code row}. */
    public int user(int row) {
        return user[row];
    }

    /** Dense item index of row {@code row}. */
    public int item(int row) {
        return item[row];
    }

    /** Event type of row {@code row}. */
    public EventType type(int row) {
        return EventType.ofCode(type[row]);
    }

    /** Event type code ({@link EventType#ordinal()}) of row {@code row}, without an enum lookup. */
    public int typeCode(int row) {
        return type[row];
    }

    /** Timestamp of row {@code row} in epoch milliseconds. */
    public long timestamp(int row) {
        return time[row];
    }

    /** Value of row {@code row} (rating, price or dwell seconds; finite). */
    public float value(int row) {
        return value[row];
    }

    /** Whether rows carry a session. */
    public boolean hasSessions() {
        return session != null;
    }

    /** Session index of row {@code row}, or {@link #NO_SESSION}. */
    public int session(int row) {
        return session == null ? NO_SESSION : session[row];
    }

    /** The session id space, or {@code null} when the log has no sessions. */
    public IdIndex sessions() {
        return sessions;
    }

    /** A copy of the user column. */
    public int[] userColumn() {
        return user.clone();
    }

    /** A copy of the item column. */
    public int[] itemColumn() {
        return item.clone();
    }

    /** A copy of the timestamp column (epoch milliseconds). */
    public long[] timestampColumn() {
        return time.clone();
    }

    /** A copy of the value column. */
    public float[] valueColumn() {
        return value.clone();
    }

    /** A copy of the event-type column as codes ({@link EventType#ordinal()}). */
    public byte[] typeCodeColumn() {
        return type.clone();
    }

    /** A copy of the session column ({@link #NO_SESSION} everywhere when the log has no sessions). */
    public int[] sessionColumn() {
        if (session == null) {
            int[] none = new int[user.length];
            Arrays.fill(none, NO_SESSION);
            return none;
        }
        return session.clone();
    }

    /**
     * The rows at the given positions, in that order, sharing this log's indices.
     *
     * @throws IndexOutOfBoundsException if a position is outside {@code [0, size)}
     */
    public Interactions select(int[] rows) {
        int n = rows.length;
        int[] u = new int[n];
        int[] it = new int[n];
        byte[] ty = new byte[n];
        long[] ts = new long[n];
        float[] v = new float[n];
        int[] s = session == null ? null : new int[n];
        for (int k = 0; k < n; k++) {
            int r = Objects.checkIndex(rows[k], user.length);
            u[k] = user[r];
            it[k] = item[r];
            ty[k] = type[r];
            ts[k] = time[r];
            v[k] = value[r];
            if (s != null) {
                s[k] = session[r];
            }
        }
        return new Interactions(users, items, sessions, u, it, ty, ts, v, s);
    }

    /** The rows for which {@code keep} is true, in order, sharing this log's indices. */
    public Interactions filter(IntPredicate keep) {
        int[] rows = new int[user.length];
        int n = 0;
        for (int r = 0; r < user.length; r++) {
            if (keep.test(r)) {
                rows[n++] = r;
            }
        }
        return n == user.length ? this : select(Arrays.copyOf(rows, n));
    }

    /** The rows of the given event types. */
    public Interactions ofTypes(EventType... types) {
        boolean[] wanted = new boolean[EventType.values().length];
        for (EventType t : types) {
            wanted[t.ordinal()] = true;
        }
        return filter(r -> wanted[type[r]]);
    }

    /**
     * Per-user, time-ordered views of this log (computed once, then cached). Rows with equal timestamps
     * keep their order in the log.
     */
    public UserHistories byUser() {
        UserHistories h = byUser;
        if (h == null) {
            h = UserHistories.of(this);
            byUser = h;
        }
        return h;
    }

    /** Event counts by type (types with no events are absent). */
    public Map<EventType, Integer> countByType() {
        int[] counts = new int[EventType.values().length];
        for (byte t : type) {
            counts[t]++;
        }
        Map<EventType, Integer> out = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            if (counts[t.ordinal()] > 0) {
                out.put(t, counts[t.ordinal()]);
            }
        }
        return out;
    }

    /** Earliest timestamp (epoch ms); {@link Long#MAX_VALUE} when empty. */
    public long minTimestamp() {
        long m = Long.MAX_VALUE;
        for (long t : time) {
            m = Math.min(m, t);
        }
        return m;
    }

    /** Latest timestamp (epoch ms); {@link Long#MIN_VALUE} when empty. */
    public long maxTimestamp() {
        long m = Long.MIN_VALUE;
        for (long t : time) {
            m = Math.max(m, t);
        }
        return m;
    }

    /** Number of distinct users that have at least one event here. */
    public int activeUsers() {
        return distinct(user, users.size());
    }

    /** Number of distinct items that have at least one event here. */
    public int activeItems() {
        return distinct(item, items.size());
    }

    private static int distinct(int[] column, int space) {
        boolean[] seen = new boolean[space];
        int n = 0;
        for (int x : column) {
            if (!seen[x]) {
                seen[x] = true;
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "Interactions[events=" + size() + ", users=" + activeUsers() + "/" + numUsers()
                + ", items=" + activeItems() + "/" + numItems() + "]";
    }
}
