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
 * hash probes with no boxing; the builder can intern ids straight from a parser's char buffer without
 * allocating a string for ids it has already seen.
 */
public final class IdIndex {
    private final String[] ids;
    private final int[] slots; // slot -> index + 1, 0 = empty
    private final int[] hashes; // index -> hash of ids[index]

    private IdIndex(String[] ids, int[] slots, int[] hashes) {
        this.ids = ids;
        this.slots = slots;
        this.hashes = hashes;
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
        return find(slots, ids, hashes, id, id.length(), hash(id, 0, id.length()));
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

    static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
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

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private static int find(int[] slots, String[] ids, int[] hashes, String s, int len, int h) {
        int mask = slots.length - 1;
        for (int p = h & mask; ; p = (p + 1) & mask) {
            int v = slots[p];
            if (v == 0) {
                return -1;
            }
            if (hashes[v - 1] == h && ids[v - 1].equals(s)) {
                return v - 1;
            }
        }
    }

    /**
     * Assigns dense indices to ids in first-seen order. Not thread-safe; {@link #build()} freezes it.
     */
    public static final class Builder {
        private String[] ids;
        private int[] hashes;
        private int[] slots;
        private int size;

        Builder(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            slots = new int[cap];
            ids = new String[Math.max(16, expected)];
            hashes = new int[ids.length];
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
            int h = hash(id, 0, id.length());
            int found = find(slots, ids, hashes, id, id.length(), h);
            return found >= 0 ? found : add(id, h);
        }

        /** The dense index of the id in {@code buf[off, off+len)}, allocating a string only when new. */
        public int intern(char[] buf, int off, int len) {
            int h = hash(buf, off, len);
            int mask = slots.length - 1;
            for (int p = h & mask; ; p = (p + 1) & mask) {
                int v = slots[p];
                if (v == 0) {
                    return add(new String(buf, off, len), h);
                }
                String cand = ids[v - 1];
                if (cand.length() == len && hashes[v - 1] == h && equalsChars(cand, buf, off, len)) {
                    return v - 1;
                }
            }
        }

        /** The dense index of {@code id}, or -1 if not yet interned. */
        public int indexOf(String id) {
            return find(slots, ids, hashes, id, id.length(), hash(id, 0, id.length()));
        }

        /** Freezes the ids into an immutable index; the builder must not be used afterwards. */
        public IdIndex build() {
            String[] exact = Arrays.copyOf(ids, size);
            int[] h = Arrays.copyOf(hashes, size);
            return new IdIndex(exact, slots, h);
        }

        private static boolean equalsChars(String cand, char[] buf, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (cand.charAt(i) != buf[off + i]) {
                    return false;
                }
            }
            return true;
        }

        private int add(String id, int h) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            ids[size] = id;
            hashes[size] = h;
            size++;
            if (size * 2 > slots.length) {
                rehash(slots.length * 2);
            } else {
                insertSlot(slots, h, size);
            }
            return size - 1;
        }

        private void rehash(int capacity) {
            int[] fresh = new int[capacity];
            for (int i = 0; i < size; i++) {
                insertSlot(fresh, hashes[i], i + 1);
            }
            slots = fresh;
        }

        private static void insertSlot(int[] table, int h, int value) {
            int mask = table.length - 1;
            int p = h & mask;
            while (table[p] != 0) {
                p = (p + 1) & mask;
            }
            table[p] = value;
        }
    }
}
