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
 * probes with no boxing, laid out for memory latency, which is what bounds reading a large log: each slot is
 * two adjacent longs (hash and index; key), and an id of up to 7 Latin-1 characters (numeric ids, short
 * codes) is packed into the key itself, so looking it up touches one cache line. Longer ids keep their
 * characters in one contiguous pool (two touches). The builder interns ids straight from a parser's char
 * buffer without allocating for ids it has already seen.
 */
public final class IdIndex {
    private static final int MAX_PACKED = 7;

    private final String[] ids;
    private final long[] table; // slot p: [2p] = (hash << 32) | (index + 1), 0 = empty; [2p+1] = key
    private final char[] pool;  // long ids: length (2 chars) then the characters

    private IdIndex(String[] ids, long[] table, char[] pool) {
        this.ids = ids;
        this.table = table;
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
        char[] chars = id.toCharArray();
        return find(table, pool, chars, 0, chars.length);
    }

    /** Whether {@code id} is in this index. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /** A copy of all ids in index order. */
    public String[] ids() {
        return ids.clone();
    }

    /**
     * Whether {@code other} holds the same ids at the same indices (the same object, or one loaded back from
     * a saved model), so data indexed by one lines up with the other.
     */
    public boolean sameIdsAs(IdIndex other) {
        return this == other || Arrays.equals(ids, other.ids);
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

    /** The packed key of a short Latin-1 id (length in the top byte), or -1 if it must live in the pool. */
    static long pack(char[] b, int off, int len) {
        if (len > MAX_PACKED) {
            return -1;
        }
        long k = (long) len << 56;
        for (int i = 0; i < len; i++) {
            char c = b[off + i];
            if (c > 0xFF) {
                return -1;
            }
            k |= (long) c << (8 * i);
        }
        return k;
    }

    static int hashPacked(long k) { // Murmur3's 64-bit finaliser, folded
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }

    static int hashChars(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        h ^= h >>> 16; // Murmur3's 32-bit finaliser
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Index of the id in {@code buf[off, off+len)}, or -1. */
    private static int find(long[] table, char[] pool, char[] buf, int off, int len) {
        long packed = pack(buf, off, len);
        int h = packed >= 0 ? hashPacked(packed) : hashChars(buf, off, len);
        int mask = (table.length >>> 1) - 1;
        for (int p = h & mask; ; p = (p + 1) & mask) {
            long meta = table[2 * p];
            if (meta == 0) {
                return -1;
            }
            if ((int) (meta >>> 32) == h && keyEquals(table[2 * p + 1], packed, pool, buf, off, len)) {
                return (int) meta - 1;
            }
        }
    }

    private static boolean keyEquals(long key, long packed, char[] pool, char[] buf, int off, int len) {
        if (packed >= 0) {
            return key == packed;
        }
        if (key >= 0) {
            return false; // a packed key never equals an id that cannot be packed
        }
        int o = (int) (-key - 1);
        return (pool[o] | (pool[o + 1] << 16)) == len && Arrays.equals(pool, o + 2, o + 2 + len, buf, off, off + len);
    }

    /**
     * Assigns dense indices to ids in first-seen order. Not thread-safe; {@link #build()} freezes it.
     */
    public static final class Builder {
        private String[] ids;
        private long[] table;
        private char[] pool = new char[64];
        private int poolSize;
        private int size;

        Builder(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            table = new long[2 * cap];
            ids = new String[Math.max(16, expected)];
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
            char[] chars = id.toCharArray();
            return intern(chars, 0, chars.length, id);
        }

        /** The dense index of the id in {@code buf[off, off+len)}, allocating a string only when new. */
        public int intern(char[] buf, int off, int len) {
            return intern(buf, off, len, null);
        }

        /** The dense index of {@code id}, or -1 if not yet interned. */
        public int indexOf(String id) {
            char[] chars = id.toCharArray();
            return find(table, pool, chars, 0, chars.length);
        }

        /** Freezes the ids into an immutable index; the builder must not be used afterwards. */
        public IdIndex build() {
            return new IdIndex(Arrays.copyOf(ids, size), table, Arrays.copyOf(pool, poolSize));
        }

        private int intern(char[] buf, int off, int len, String known) {
            long packed = pack(buf, off, len);
            int h = packed >= 0 ? hashPacked(packed) : hashChars(buf, off, len);
            int mask = (table.length >>> 1) - 1;
            int p = h & mask;
            for (; ; p = (p + 1) & mask) {
                long meta = table[2 * p];
                if (meta == 0) {
                    break;
                }
                if ((int) (meta >>> 32) == h && keyEquals(table[2 * p + 1], packed, pool, buf, off, len)) {
                    return (int) meta - 1;
                }
            }
            return add(buf, off, len, known, packed, h, p);
        }

        private int add(char[] buf, int off, int len, String known, long packed, int h, int freeSlot) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            int index = size++;
            ids[index] = known != null ? known : new String(buf, off, len);
            long key = packed >= 0 ? packed : -1L - appendToPool(buf, off, len);
            table[2 * freeSlot] = ((long) h << 32) | (index + 1L);
            table[2 * freeSlot + 1] = key;
            if (size * 2 > table.length >>> 1) {
                rehash();
            }
            return index;
        }

        private int appendToPool(char[] buf, int off, int len) {
            if (poolSize + 2 + len > pool.length) {
                long want = Math.max((long) pool.length * 2, (long) poolSize + 2 + len);
                if (want > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("ids longer than 7 characters exceed 2^31 pooled characters");
                }
                pool = Arrays.copyOf(pool, (int) want);
            }
            int o = poolSize;
            pool[o] = (char) len;
            pool[o + 1] = (char) (len >>> 16);
            System.arraycopy(buf, off, pool, o + 2, len);
            poolSize += 2 + len;
            return o;
        }

        private void rehash() {
            long[] old = table;
            long[] fresh = new long[old.length * 2];
            int mask = (fresh.length >>> 1) - 1;
            for (int q = 0; q < old.length; q += 2) {
                long meta = old[q];
                if (meta != 0) {
                    int p = (int) (meta >>> 32) & mask;
                    while (fresh[2 * p] != 0) {
                        p = (p + 1) & mask;
                    }
                    fresh[2 * p] = meta;
                    fresh[2 * p + 1] = old[q + 1];
                }
            }
            table = fresh;
        }
    }
}
