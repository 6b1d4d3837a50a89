package ai.behavior.data;

import java.util.Arrays;

/**
 * Accumulates events into growable primitive columns and freezes them into {@link Interactions}.
 *
 * <pre>{@code
 * InteractionsBuilder b = Interactions.builder();
 * b.add("u1", "i9", EventType.VIEW, 1_700_000_000_000L, 12.5f);
 * Interactions log = b.build();
 * }</pre>
 *
 * <p>Values must be finite: a reader checks them first so that it can report file, line and column; this
 * check is the last guard so that no NaN ever enters a log. Not thread-safe.
 */
public final class InteractionsBuilder {
    private final IdIndex.Builder users;
    private final IdIndex.Builder items;
    private IdIndex.Builder sessions;
    private int[] user;
    private int[] item;
    private byte[] type;
    private long[] time;
    private float[] value;
    private int[] session;
    private int size;

    InteractionsBuilder(IdIndex.Builder users, IdIndex.Builder items) {
        this(users, items, 1024);
    }

    InteractionsBuilder(IdIndex.Builder users, IdIndex.Builder items, int expectedEvents) {
        if (expectedEvents < 0) {
            throw new IllegalArgumentException("expectedEvents must be >= 0, got " + expectedEvents);
        }
        this.users = users;
        this.items = items;
        int cap = Math.max(16, expectedEvents);
        user = new int[cap];
        item = new int[cap];
        type = new byte[cap];
        time = new long[cap];
        value = new float[cap];
    }

    /** The user ids seen so far; readers intern ids here straight from their buffers. */
    public IdIndex.Builder users() {
        return users;
    }

    /** The item ids seen so far. */
    public IdIndex.Builder items() {
        return items;
    }

    /** The session ids seen so far (created on first use; the log then carries sessions). */
    public IdIndex.Builder sessions() {
        if (sessions == null) {
            sessions = IdIndex.builder();
            session = new int[user.length];
            Arrays.fill(session, 0, size, Interactions.NO_SESSION);
        }
        return sessions;
    }

    /** Number of events added. */
    public int size() {
        return size;
    }

    /** Adds an event by external ids. */
    public InteractionsBuilder add(String userId, String itemId, EventType eventType, long epochMillis,
                                   float eventValue) {
        requireFinite(eventValue); // before interning, so a rejected event leaves no phantom ids
        return add(users.intern(userId), items.intern(itemId), eventType.ordinal(), epochMillis, eventValue,
                Interactions.NO_SESSION);
    }

    /** Adds an event by external ids with a session id. */
    public InteractionsBuilder add(String userId, String itemId, EventType eventType, long epochMillis,
                                   float eventValue, String sessionId) {
        requireFinite(eventValue);
        int s = sessions().intern(sessionId);
        return add(users.intern(userId), items.intern(itemId), eventType.ordinal(), epochMillis, eventValue, s);
    }

    /**
     * Adds an event by dense indices already interned in {@link #users()} / {@link #items()} /
     * {@link #sessions()} (session {@link Interactions#NO_SESSION} for none).
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, or an index was never interned
     */
    public InteractionsBuilder add(int userIndex, int itemIndex, int typeCode, long epochMillis, float eventValue,
                                   int sessionIndex) {
        requireFinite(eventValue);
        if (userIndex < 0 || userIndex >= users.size() || itemIndex < 0 || itemIndex >= items.size()) {
            throw new IllegalArgumentException("user/item index not interned: " + userIndex + "/" + itemIndex);
        }
        if (typeCode < 0 || typeCode >= EventType.values().length) {
            throw new IllegalArgumentException("unknown event type code " + typeCode);
        }
        if (size == user.length) {
            grow();
        }
        user[size] = userIndex;
        item[size] = itemIndex;
        type[size] = (byte) typeCode;
        time[size] = epochMillis;
        value[size] = eventValue;
        if (session != null) {
            session[size] = sessionIndex;
        } else if (sessionIndex != Interactions.NO_SESSION) {
            throw new IllegalArgumentException("session index given but no session was interned");
        }
        size++;
        return this;
    }

    /**
     * Freezes the events; the builder must not be used afterwards. Columns that are exactly full are handed
     * over without a copy, so a builder pre-sized to the event count never holds the log twice.
     */
    public Interactions build() {
        return new Interactions(users.build(), items.build(), sessions == null ? null : sessions.build(),
                fit(user), fit(item), fit(type), fit(time), fit(value), session == null ? null : fit(session));
    }

    private int[] fit(int[] a) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private byte[] fit(byte[] a) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private long[] fit(long[] a) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private float[] fit(float[] a) {
        return a.length == size ? a : Arrays.copyOf(a, size);
    }

    private static void requireFinite(float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("event value must be finite, got " + v);
        }
    }

    private void grow() {
        int cap = user.length + (user.length >> 1) + 16;
        user = Arrays.copyOf(user, cap);
        item = Arrays.copyOf(item, cap);
        type = Arrays.copyOf(type, cap);
        time = Arrays.copyOf(time, cap);
        value = Arrays.copyOf(value, cap);
        if (session != null) {
            session = Arrays.copyOf(session, cap);
        }
    }
}
