package ai.behavior.data;

import java.util.Arrays;

/**
 * An immutable, bidirectional map between external string ids and dense int indices {@code 0..size-1}.
 *
 * <pre>{@code
 * IdIndex users = interactions.users();
 * int u = users.indexOf("user-42");          // -1 when unknown
 * String external = users.id(u);
 * }</pre>
 *
 * <p>Indices are assigned in first-seen order by an {@link IdIndex.Builder}. Lookups are open-addressing
 * probes with no boxing. Each slot holds the id's hash beside an offset into one contiguous char pool that
 * stores the id's length, index and characters together, so a lookup touches two places in memory rather
 * than walking from a table to a String to its bytes; this is what makes reading large logs fast. The
 * builder interns ids straight from a parser's char buffer without allocating for ids it has already seen.
 */
public final class IdIndex {
    private static final int HEADER = 4; // length (2 chars) + index (2 chars)

    private final String[] ids;
    private final long[] slots; // (hash << 32) | (pool offset + 1); 0 = empty
    private final char[] pool;

    private IdIndex(String[] ids, long[] slots, char[] pool) {
        this.ids = ids;
        this.slots = slots;
        this.pool = pool;
    }

    /** Builds an index over the given ids in order; duplicates are an error. */
    public static IdIndex of(String... ids) {
        Builder b = new Builder(ids.length);
        for (String id : ids) {
            int before = b.size();
            b.intern(id);
            if (b.size() == before) {
                throw new IllegalArgumentException("duplicate id '" + id + "'");
            }
        }
        return b.build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder(16);
    }

    /** Number of distinct ids. */
    public int size() {
        return ids.length;
    }

    /** The external id of dense index {@code index}. */
    public String id(int index) {
        return ids[index];
    }

    /** The dense index of {@code id}, or -1 if it is not in this index. */
    public int indexOf(String id) {
        return find(slots, pool, id, hash(id));
    }

    /** Whether {@code id} is in this index. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /** A copy of all ids in index order. */
    public String[] ids() {
        return ids.clone();
    }

    /** A builder that starts with this index's ids (same indices) and may add more. */
    public Builder toBuilder() {
        Builder b = new Builder(Math.max(16, ids.length));
        for (String id : ids) {
            b.intern(id);
        }
        return b;
    }

    @Override
    public String toString() {
        return "IdIndex[size=" + ids.length + "]";
    }

    static int hash(String s) {
        int h = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return mix(h);
    }

    /** Murmur3's finaliser: spreads every input bit over the low bits that pick the slot. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int lengthAt(char[] pool, int o) {
        return pool[o] | (pool[o + 1] << 16);
    }

    private static int indexAt(char[] pool, int o) {
        return pool[o + 2] | (pool[o + 3] << 16);
    }

    private static int find(long[] slots, char[] pool, String s, int h) {
        int mask = slots.length - 1;
        int len = s.length();
        for (int p = h & mask; ; p = (p + 1) & mask) {
            long v = slots[p];
            if (v == 0) {
                return -1;
            }
            if ((int) (v >>> 32) == h) {
                int o = (int) v - 1;
                if (lengthAt(pool, o) == len && poolEquals(pool, o + HEADER, s)) {
                    return indexAt(pool, o);
                }
            }
        }
    }

    private static boolean poolEquals(char[] pool, int from, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (pool[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Assigns dense indices to ids in first-seen order. Not thread-safe; {@link #build()} freezes it.
     */
    public static final class Builder {
        private String[] ids;
        private long[] slots;
        private char[] pool;
        private int poolSize;
        private int size;

        Builder(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            slots = new long[cap];
            ids = new String[Math.max(16, expected)];
            pool = new char[Math.max(64, expected * 12)];
        }

        /** Number of ids so far. */
        public int size() {
            return size;
        }

        /** The id at {@code index}. */
        public String id(int index) {
            if (index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return ids[index];
        }

        /** The dense index of {@code id}, assigning the next one if it is new. */
        public int intern(String id) {
            int h = hash(id);
            int found = find(slots, pool, id, h);
            return found >= 0 ? found : add(id, id.toCharArray(), 0, id.length(), h);
        }

        /** The dense index of the id in {@code buf[off, off+len)}, allocating a string only when new. */
        public int intern(char[] buf, int off, int len) {
            int h = hash(buf, off, len);
            int mask = slots.length - 1;
            for (int p = h & mask; ; p = (p + 1) & mask) {
                long v = slots[p];
                if (v == 0) {
                    return add(null, buf, off, len, h);
                }
                if ((int) (v >>> 32) == h) {
                    int o = (int) v - 1;
                    if (lengthAt(pool, o) == len && Arrays.equals(pool, o + HEADER, o + HEADER + len, buf, off,
                            off + len)) {
                        return indexAt(pool, o);
                    }
                }
            }
        }

        /** The dense index of {@code id}, or -1 if not yet interned. */
        public int indexOf(String id) {
            return find(slots, pool, id, hash(id));
        }

        /** Freezes the ids into an immutable index; the builder must not be used afterwards. */
        public IdIndex build() {
            return new IdIndex(Arrays.copyOf(ids, size), slots, Arrays.copyOf(pool, poolSize));
        }

        private int add(String id, char[] buf, int off, int len, int h) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            int index = size;
            ids[index] = id != null ? id : new String(buf, off, len);
            if (poolSize + HEADER + len > pool.length) {
                long want = Math.max((long) pool.length * 2, (long) poolSize + HEADER + len);
                if (want > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("id pool exceeds 2^31 characters");
                }
                pool = Arrays.copyOf(pool, (int) want);
            }
            int o = poolSize;
            pool[o] = (char) len;
            pool[o + 1] = (char) (len >>> 16);
            pool[o + 2] = (char) index;
            pool[o + 3] = (char) (index >>> 16);
            System.arraycopy(buf, off, pool, o + HEADER, len);
            poolSize += HEADER + len;
            size++;
            long slot = ((long) h << 32) | ((o + 1) & 0xffffffffL);
            if (size * 2 > slots.length) {
                rehash(slots.length * 2);
            }
            insertSlot(slots, h, slot);
            return index;
        }

        private void rehash(int capacity) {
            long[] fresh = new long[capacity];
            for (long v : slots) {
                if (v != 0) {
                    insertSlot(fresh, (int) (v >>> 32), v);
                }
            }
            slots = fresh;
        }

        private static void insertSlot(long[] table, int h, long value) {
            int mask = table.length - 1;
            int p = h & mask;
            while (table[p] != 0) {
                p = (p + 1) & mask;
            }
            table[p] = value;
        }
    }
}
