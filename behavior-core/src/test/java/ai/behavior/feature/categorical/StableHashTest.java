package ai.behavior.feature.categorical;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StableHashTest {
    /*
     * Published MurmurHash3 x86_32 vectors (the SMHasher test set); each was also recomputed with a separate
     * Python transcription of the reference MurmurHash3.cpp, and "hello" with seed 0 is Python mmh3's
     * mmh3.hash("hello") = 613153351.
     */
    @Test
    void matchesReferenceVectors() {
        assertEquals(0, hash("", 0));
        assertEquals(0x514E28B7, hash("", 1));
        assertEquals(0x81F16F39, hash("", 0xffffffff));
        assertEquals(0x2362F9DE, StableHash.murmur3(new byte[4], 0, 4, 0));
        assertEquals(0x5A97808A, hash("aaaa", 0x9747b28c));
        assertEquals(0x24884CBA, hash("Hello, world!", 0x9747b28c));
        assertEquals(0x2FA826CD, hash("The quick brown fox jumps over the lazy dog", 0x9747b28c));
        assertEquals(613153351, hash("hello", 0));
        assertEquals(0xe2dbd2e1, hash("hello", 42));
        // 1-, 2- and 3-byte tails, and multi-byte UTF-8 (Python transcription, UTF-8 encoded input)
        assertEquals(0x3c2569b2, hash("a", 0));
        assertEquals(0x9bbfd75f, hash("ab", 0));
        assertEquals(0xb3dd93fa, hash("abc", 0));
        assertEquals(0x7ce85b05, hash("straße", 0));
        assertEquals(0xc4d9f942, hash("日本", 0));
        assertEquals(0x18718b23, hash("\uD801\uDC28x", 0));   // U+10428 DESERET SMALL LETTER LONG I, then x
    }

    @Test
    void offsetAndLengthSelectASlice() {
        byte[] b = "xxhelloyy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(613153351, StableHash.murmur3(b, 2, 5, 0));
    }

    @Test
    void streamingCodePointsEqualsHashOfUtf8Bytes() {
        String[] texts = {"", "a", "ab", "abc", "abcd", "abcde", "straße", "日本語のテキスト", "\uD801\uDC28x",
            "mixed ß日\uD801\uDC28 text 42", "lone \uD800 surrogate", "\uDC00"};
        StableHash.Utf8 h = new StableHash.Utf8();
        for (int seed : new int[] {0, 1, -7, 0x9747b28c}) {
            for (String t : texts) {
                h.start(seed);
                t.codePoints().forEach(h::add);
                assertEquals(StableHash.murmur3(t, seed), h.finish(), t);
                assertEquals(t.getBytes(StandardCharsets.UTF_8).length, h.length(), t);
            }
        }
    }

    @Test
    void bucketUsesLow31BitsAndSignUsesBit31() {
        // "abc" hashes to 0xb3dd93fa = -1277324294; its low 31 bits are 870159354, which is 4 mod 10
        int h = hash("abc", 0);
        assertEquals(4, StableHash.bucket(h, 10));
        assertEquals(-1, StableHash.sign(h));
        assertEquals(1, StableHash.sign(613153351));
        assertEquals(0, StableHash.bucket(Integer.MIN_VALUE, 7));   // low 31 bits all zero
    }

    private static int hash(String s, int seed) {
        return StableHash.murmur3(s, seed);
    }
}
