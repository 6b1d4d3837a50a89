package ai.behavior.feature.privacy;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Replaces ids with keyed pseudonyms: the lower-case hex HMAC-SHA-256 of the id's UTF-8 bytes under a secret
 * key. The same key always gives the same pseudonym, so logs and tables pseudonymised separately still join;
 * without the key nobody can recompute a pseudonym from a guessed id (a plain hash of a user id or e-mail
 * can be reversed by hashing every candidate).
 *
 * <p>The key comes from the caller, at least {@value #MIN_KEY_BYTES} bytes: as bytes, or from an environment
 * variable whose value (its UTF-8 bytes) is the key, e.g. the output of {@code openssl rand -hex 32}. It is
 * held in memory only as long as this object lives: never written to a model file, never printed
 * ({@link #toString()} hides it), never put in an error message. Error messages name row positions, not ids.
 *
 * <p>Pseudonyms have {@value #DIGEST_HEX_CHARS} hex characters (256 bits) unless {@link #truncatedTo(int)
 * truncated}. Truncation to {@code c} characters keeps {@code 4c} bits, and among {@code m} ids the chance
 * that any two collide is about {@code m^2 / 2^(4c+1)}: for a million ids about 3e-8 at 16 characters but
 * 0.2% at 12 and certain at 8. The bulk methods detect a collision and fail rather than merge two users; a
 * single {@link #pseudonym(String)} cannot.
 *
 * <pre>{@code
 * Pseudonymizer p = Pseudonymizer.fromEnvironment("BEHAVIOR_PSEUDONYM_KEY");
 * Interactions shared = p.pseudonymizeUsers(log);
 * }</pre>
 *
 * <p>Immutable and thread-safe (each call uses its own {@link Mac}).
 */
public final class Pseudonymizer {
    /** Smallest accepted key length in bytes (the HMAC-SHA-256 output size, as RFC 2104 recommends). */
    public static final int MIN_KEY_BYTES = 32;
    /** Hex characters of a full HMAC-SHA-256 digest. */
    public static final int DIGEST_HEX_CHARS = 64;
    /** Fewest hex characters {@link #truncatedTo(int)} accepts (32 bits). */
    public static final int MIN_HEX_CHARS = 8;
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final int hexChars;

    private Pseudonymizer(SecretKeySpec key, int hexChars) {
        this.key = key;
        this.hexChars = hexChars;
    }

    /** Pseudonyms under {@code key} (copied; at least {@value #MIN_KEY_BYTES} bytes), full length. */
    public static Pseudonymizer withKey(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException("the pseudonymisation key is null");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonymisation key needs at least " + MIN_KEY_BYTES
                    + " bytes, got " + key.length);
        }
        return new Pseudonymizer(new SecretKeySpec(key, ALGORITHM), DIGEST_HEX_CHARS);
    }

    /**
     * Pseudonyms under the key held by environment variable {@code variable} (its value's UTF-8 bytes, at
     * least {@value #MIN_KEY_BYTES}); a missing or short key is an error that names the variable, never
     * its value.
     */
    public static Pseudonymizer fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    static Pseudonymizer fromEnvironment(String variable, UnaryOperator<String> environment) {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("environment variable '" + variable + "' is not set; it must hold "
                    + "the pseudonymisation key (at least " + MIN_KEY_BYTES + " bytes, e.g. 64 hex characters)");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try {
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("environment variable '" + variable + "' holds a key of "
                        + bytes.length + " bytes; a pseudonymisation key needs at least " + MIN_KEY_BYTES);
            }
            return withKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0); // SecretKeySpec kept its own copy
        }
    }

    /**
     * The same key with pseudonyms cut to their first {@code chars} hex characters ({@value #MIN_HEX_CHARS}
     * to {@value #DIGEST_HEX_CHARS}); see the class notes for the collision risk.
     */
    public Pseudonymizer truncatedTo(int chars) {
        if (chars < MIN_HEX_CHARS || chars > DIGEST_HEX_CHARS) {
            throw new IllegalArgumentException("pseudonym length must be " + MIN_HEX_CHARS + ".." + DIGEST_HEX_CHARS
                    + " hex characters, got " + chars);
        }
        return new Pseudonymizer(key, chars);
    }

    /** Hex characters per pseudonym. */
    public int hexChars() {
        return hexChars;
    }

    /** The pseudonym of one id. */
    public String pseudonym(String id) {
        return digest(newMac(), id);
    }

    /**
     * An index holding the pseudonym of each id at the same position, so arrays indexed by {@code ids} line
     * up with it. Fails if two ids get the same (truncated) pseudonym.
     */
    public IdIndex pseudonymize(IdIndex ids) {
        Mac mac = newMac();
        IdIndex.Builder b = IdIndex.builder();
        for (int i = 0; i < ids.size(); i++) {
            int at = b.intern(digest(mac, ids.id(i)));
            if (at != i) {
                throw new IllegalArgumentException("ids at positions " + at + " and " + i + " get the same "
                        + hexChars + "-character pseudonym; use more characters (truncatedTo) or the full "
                        + DIGEST_HEX_CHARS);
            }
        }
        return b.build();
    }

    /**
     * A copy of {@code log} with every user id replaced by its pseudonym; user indices, items, event types,
     * timestamps, values and sessions are unchanged, so the copy lines up row for row with the original.
     */
    public Interactions pseudonymizeUsers(Interactions log) {
        InteractionsBuilder b = Interactions.builder(pseudonymize(log.users()), log.items());
        if (log.hasSessions()) {
            IdIndex sessions = log.sessions();
            for (int s = 0; s < sessions.size(); s++) {
                b.sessions().intern(sessions.id(s));
            }
        }
        for (int r = 0; r < log.size(); r++) {
            b.add(log.user(r), log.item(r), log.typeCode(r), log.timestamp(r), log.value(r), log.session(r));
        }
        return b.build();
    }

    /** A copy of {@code table} with every key replaced by its pseudonym; rows and columns are unchanged. */
    public AttributeTable pseudonymizeKeys(AttributeTable table) {
        IdIndex keys = pseudonymize(table.keys());
        return TableCopy.build(table, keys::id, TableCopy.same(table));
    }

    private String digest(Mac mac, String id) {
        if (id == null) {
            throw new IllegalArgumentException("cannot pseudonymise a null id");
        }
        byte[] d = mac.doFinal(id.getBytes(StandardCharsets.UTF_8)); // doFinal also resets the Mac for reuse
        String hex = HEX.formatHex(d, 0, (hexChars + 1) / 2);
        return hex.length() == hexChars ? hex : hex.substring(0, hexChars);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // every Java platform must provide HmacSHA256, so this means a broken security setup
            throw new IllegalStateException("HMAC-SHA-256 is unavailable: " + e.getMessage(), e);
        }
    }

    /** Names the algorithm and length; the key is never shown. */
    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA-256, " + hexChars + " hex characters, key hidden]";
    }
}
