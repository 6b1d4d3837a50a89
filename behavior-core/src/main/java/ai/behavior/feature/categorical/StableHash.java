package ai.behavior.feature.categorical;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3 x86_32 (Austin Appleby's public-domain algorithm) over UTF-8 bytes: a hash that is the same on
 * every JVM, platform and library version, so hashed features computed at training time match those at
 * serving time and in other tools (it equals Python's {@code mmh3.hash(s.encode("utf-8"), seed)}).
 * {@link String#hashCode()} is not used because it hashes UTF-16 units and mixes poorly.
 *
 * <pre>{@code
 * int h = StableHash.murmur3("hello", 0);                 // 613153351
 * int bucket = StableHash.bucket(h, 1024);                // in [0, 1024)
 * }</pre>
 *
 * <p>For hashing text piece by piece without allocating, reuse one {@link Utf8} per thread.
 */
public final class StableHash {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private StableHash() {
    }

    /** MurmurHash3 x86_32 of the UTF-8 bytes of {@code text} with {@code seed} (allocates the bytes). */
    public static int murmur3(String text, int seed) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return murmur3(b, 0, b.length, seed);
    }

    /** MurmurHash3 x86_32 of {@code data[offset, offset + length)} with {@code seed}. */
    public static int murmur3(byte[] data, int offset, int length, int seed) {
        int h1 = seed;
        int end = offset + (length & ~3);
        for (int i = offset; i < end; i += 4) {
            int k1 = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | data[i + 3] << 24;
            h1 = mixH1(h1, k1);
        }
        int tail = length & 3;
        if (tail > 0) {
            int k1 = data[end] & 0xff;
            if (tail > 1) {
                k1 |= (data[end + 1] & 0xff) << 8;
            }
            if (tail > 2) {
                k1 |= (data[end + 2] & 0xff) << 16;
            }
            h1 ^= mixK1(k1);
        }
        return finish(h1, length);
    }

    /**
     * A bucket in {@code [0, buckets)} from the low 31 bits of {@code hash}; bit 31 is left free for a sign
     * (see {@link #sign(int)}), so bucket and sign are independent bits of the hash.
     */
    public static int bucket(int hash, int buckets) {
        return (hash & 0x7fffffff) % buckets;
    }

    /** +1 or -1 from bit 31 of {@code hash} (the bit {@link #bucket(int, int)} does not use). */
    public static int sign(int hash) {
        return hash < 0 ? -1 : 1;
    }

    private static int mixK1(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    private static int mixH1(int h1, int k1) {
        h1 ^= mixK1(k1);
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int finish(int h1, int length) {
        h1 ^= length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }

    /**
     * An incremental MurmurHash3 x86_32 fed Unicode code points, which it encodes as UTF-8 on the fly: the
     * result equals {@link StableHash#murmur3(String, int)} of the same text, without building a string or a
     * byte array. Mutable and not thread-safe: keep one per thread (for example one per bound transform).
     *
     * <pre>{@code
     * StableHash.Utf8 h = new StableHash.Utf8();
     * h.start(0); "hello".codePoints().forEach(h::add); int hash = h.finish();
     * }</pre>
     */
    public static final class Utf8 {
        private int h1;
        private int pending;
        private int pendingBytes;
        private int length;

        /** Starts a new hash with {@code seed}, discarding any unfinished one. */
        public void start(int seed) {
            h1 = seed;
            pending = 0;
            pendingBytes = 0;
            length = 0;
        }

        /** Adds one code point as its 1 to 4 UTF-8 bytes (a lone surrogate becomes '?', as Java's encoder does). */
        public void add(int codePoint) {
            if (codePoint < 0x80) {
                addByte(codePoint);
            } else if (codePoint < 0x800) {
                addByte(0xc0 | codePoint >>> 6);
                addByte(0x80 | codePoint & 0x3f);
            } else if (codePoint < 0x10000) {
                if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
                    addByte('?');
                    return;
                }
                addByte(0xe0 | codePoint >>> 12);
                addByte(0x80 | codePoint >>> 6 & 0x3f);
                addByte(0x80 | codePoint & 0x3f);
            } else {
                addByte(0xf0 | codePoint >>> 18);
                addByte(0x80 | codePoint >>> 12 & 0x3f);
                addByte(0x80 | codePoint >>> 6 & 0x3f);
                addByte(0x80 | codePoint & 0x3f);
            }
        }

        /** Adds one byte (the low 8 bits of {@code b}). */
        public void addByte(int b) {
            pending |= (b & 0xff) << (8 * pendingBytes);
            length++;
            if (++pendingBytes == 4) {
                h1 = mixH1(h1, pending);
                pending = 0;
                pendingBytes = 0;
            }
        }

        /** Number of bytes added since {@link #start(int)}. */
        public int length() {
            return length;
        }

        /** The hash of everything added since {@link #start(int)}. */
        public int finish() {
            int h = h1;
            if (pendingBytes > 0) {
                h ^= mixK1(pending);
            }
            return StableHash.finish(h, length);
        }
    }
}
