package ai.behavior.feature.privacy;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymizerTest {
    /** Key bytes 0x00, 0x01, ..., 0x1f. */
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
        }
    }

    /**
     * RFC 4231 test cases 6 and 7 (key 0xaa x 131 bytes). Cases 1-5 use keys shorter than the 32 bytes this
     * class accepts (case 5 also truncates to 128 bits, cases 3-4 hash bytes that are not UTF-8 text).
     */
    @Test
    void matchesRfc4231Vectors() {
        byte[] aa = new byte[131];
        Arrays.fill(aa, (byte) 0xaa);
        Pseudonymizer p = Pseudonymizer.withKey(aa);
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                p.pseudonym("Test Using Larger Than Block-Size Key - Hash Key First"));
        assertEquals("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                p.pseudonym("This is a test using a larger than block-size key and a larger than block-size data. "
                        + "The key needs to be hashed before being used by the HMAC algorithm."));
        // truncation keeps the leading characters, also an odd count
        String case6 = "Test Using Larger Than Block-Size Key - Hash Key First";
        assertEquals("60e431591ee0b67f", p.truncatedTo(16).pseudonym(case6));
        assertEquals("60e431591", p.truncatedTo(9).pseudonym(case6));
    }

    @Test
    void idsAreHashedAsUtf8AndDeterministically() {
        // expected digests from Python: hmac.new(bytes(range(32)), id.encode("utf-8"), hashlib.sha256).hexdigest()
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        assertEquals("74ea6318fd907a367325175cdf62f55dd986485ca4cd5342c5f9120938404bf6", p.pseudonym("user-42"));
        assertEquals("67bd19b8d029817ea29d62df10e7d82df388ccf51649964e6065d7fe10c6f858", p.pseudonym("José"));
        assertEquals(p.pseudonym("user-42"), Pseudonymizer.withKey(KEY.clone()).pseudonym("user-42"));
        // another key (0x07 x 32): hmac.new(b"\x07" * 32, b"user-42", hashlib.sha256).hexdigest()
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        String o = Pseudonymizer.withKey(other).pseudonym("user-42");
        assertEquals("686be56fce9804b41a1d066168f5ee7a1b770ae5fe513b9c9d84a9afc757c6c3", o);
        assertNotEquals(p.pseudonym("user-42"), o);
    }

    @Test
    void theKeyIsCopiedAndNeverShown() {
        byte[] key = "a-secret-key-of-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);
        Pseudonymizer p = Pseudonymizer.withKey(key);
        String before = p.pseudonym("u1");
        Arrays.fill(key, (byte) 0);   // the caller wipes its copy
        assertEquals(before, p.pseudonym("u1"));
        String text = p.toString() + p.truncatedTo(12);
        assertFalse(text.contains("secret"), text);
        assertFalse(text.contains(HexFormat.of().formatHex(KEY)), text);
        assertTrue(text.contains("key hidden"), text);
    }

    @Test
    void keysComeFromTheEnvironmentWithoutLeakingIntoErrors() {
        String secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        Pseudonymizer p = Pseudonymizer.fromEnvironment("PSEUDO_KEY", Map.of("PSEUDO_KEY", secret)::get);
        assertEquals(Pseudonymizer.withKey(secret.getBytes(StandardCharsets.UTF_8)).pseudonym("u1"), p.pseudonym("u1"));
        assertFalse(p.toString().contains(secret));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pseudonymizer.fromEnvironment("MISSING_KEY", Map.<String, String>of()::get));
        assertTrue(e.getMessage().contains("'MISSING_KEY' is not set"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Pseudonymizer.fromEnvironment("SHORT_KEY", Map.of("SHORT_KEY", "hunter2")::get));
        assertTrue(e.getMessage().contains("'SHORT_KEY' holds a key of 7 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void badKeysAndLengthsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.withKey(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Pseudonymizer.withKey(null));
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        assertThrows(IllegalArgumentException.class, () -> p.truncatedTo(7));
        assertThrows(IllegalArgumentException.class, () -> p.truncatedTo(65));
        assertThrows(IllegalArgumentException.class, () -> p.pseudonym(null));
    }

    @Test
    void indexKeepsPositionsAndCatchesTruncationCollisions() {
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        IdIndex ids = IdIndex.of("u1", "u2", "user-42");
        IdIndex out = p.pseudonymize(ids);
        assertEquals(3, out.size());
        // Python, as above: u1 -> fe91b173..., u2 -> 0c44d458...
        assertEquals("fe91b17313e372ceb806c600411932e22c8bbeb4b37ced2756540ea9a9d4dae2", out.id(0));
        assertEquals("0c44d4585a3581a9428abfacb3cab459a89f6d213649b3e31017eca6eef64a3d", out.id(1));
        assertEquals(p.pseudonym("user-42"), out.id(2));
        // found by a Python search: both digests start 153f62a80, then differ (0d7e... vs 013d...)
        IdIndex clash = IdIndex.of("user-112198", "user-139101");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.truncatedTo(9).pseudonymize(clash));
        assertTrue(e.getMessage().contains("positions 0 and 1") && e.getMessage().contains("9-character"),
                e.getMessage());
        assertFalse(e.getMessage().contains("user-"), e.getMessage());
        assertEquals("153f62a80d", p.truncatedTo(10).pseudonymize(clash).id(0));
        assertEquals("153f62a801", p.truncatedTo(10).pseudonymize(clash).id(1));
    }

    @Test
    void logKeepsEverythingButUserIds() {
        InteractionsBuilder b = Interactions.builder();
        b.add("alice", "i1", EventType.VIEW, 1000L, 12.5f, "s1");
        b.add("bob", "i2", EventType.PURCHASE, 2000L, 9.99f);
        b.add("alice", "i2", EventType.CART, 3000L, 1f, "s2");
        Interactions log = b.build();
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        Interactions out = p.pseudonymizeUsers(log);
        assertEquals(log.size(), out.size());
        assertEquals(p.pseudonym("alice"), out.users().id(out.user(0)));
        assertEquals(p.pseudonym("bob"), out.users().id(out.user(1)));
        assertArrayEquals(log.userColumn(), out.userColumn());
        assertArrayEquals(log.itemColumn(), out.itemColumn());
        assertTrue(log.items().sameIdsAs(out.items()));
        assertArrayEquals(log.typeCodeColumn(), out.typeCodeColumn());
        assertArrayEquals(log.timestampColumn(), out.timestampColumn());
        assertArrayEquals(log.valueColumn(), out.valueColumn());
        assertArrayEquals(log.sessionColumn(), out.sessionColumn());
        assertTrue(log.sessions().sameIdsAs(out.sessions()));
        assertEquals(Interactions.NO_SESSION, out.session(1));

        Interactions plain = Interactions.builder().add("carol", "i9", EventType.CLICK, 5L, 0f).build();
        Interactions plainOut = p.pseudonymizeUsers(plain);
        assertFalse(plainOut.hasSessions());
        assertEquals(p.pseudonym("carol"), plainOut.users().id(0));
    }

    @Test
    void tableKeysAreReplacedAndValuesKept() {
        AttributeTable users = AttributeTable.builder("user_id").numeric("age").categorical("city")
                .row("alice").set("age", 31).set("city", "Paris")
                .row("bob").set("city", "Lyon")
                .row("carol").set("age", 45)
                .build();
        Pseudonymizer p = Pseudonymizer.withKey(KEY);
        AttributeTable out = p.pseudonymizeKeys(users);
        assertEquals("user_id", out.keyName());
        assertEquals(p.pseudonym("bob"), out.keys().id(1));
        assertEquals(31, out.numeric("age").get(0));
        assertTrue(out.numeric("age").isMissing(1));
        assertEquals(45, out.numeric("age").get(2));
        assertEquals("Lyon", out.categorical("city").label(1));
        assertTrue(out.categorical("city").isMissing(2));
        assertEquals(users.columnNames(), out.columnNames());
    }
}
