package ai.behavior.feature.text;

import ai.behavior.feature.categorical.StableHash;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens and hashes them without allocating. Rules: a token is a maximal run of code points
 * for which {@link Character#isLetterOrDigit(int)} holds (so punctuation, spaces, symbols and emoji separate
 * tokens, and "e-mail" is two tokens); each code point is lower-cased with {@link Character#toLowerCase(int)},
 * which is locale-independent and equals {@code toLowerCase(Locale.ROOT)} except for its few context- or
 * length-changing rules (final sigma, dotted capital I); tokens shorter than {@code minLength} code points are
 * skipped. A token's hash is {@link StableHash#murmur3(String, int)} of its lower-cased UTF-8 bytes, computed
 * from the code points directly.
 *
 * <pre>{@code
 * Tokenizer.Cursor c = Tokenizer.defaults().cursor(0);   // once per thread
 * c.reset("Red shoes, size 42");  while (c.next()) { use(c.hash()); }
 * }</pre>
 *
 * @param minLength the fewest code points a token needs ({@code >= 1})
 */
public record Tokenizer(int minLength) {
    /** Checks the option. */
    public Tokenizer {
        if (minLength < 1) {
            throw new IllegalArgumentException("minLength must be >= 1, got " + minLength);
        }
    }

    /** Tokens of any length. */
    public static Tokenizer defaults() {
        return new Tokenizer(1);
    }

    /** The same, skipping tokens shorter than {@code n} code points. */
    public Tokenizer minLength(int n) {
        return new Tokenizer(n);
    }

    /** The lower-cased tokens of {@code text} as strings (allocates; for inspection and tests). */
    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Cursor c = cursor(0);
        c.reset(text);
        while (c.next()) {
            StringBuilder s = new StringBuilder();
            text.substring(c.start(), c.end()).codePoints().map(Character::toLowerCase).forEach(s::appendCodePoint);
            out.add(s.toString());
        }
        return out;
    }

    /** A reusable cursor hashing tokens with {@code seed}; one per thread. */
    public Cursor cursor(int seed) {
        return new Cursor(minLength, seed);
    }

    /**
     * Walks the tokens of one text after another, allocating nothing after construction. Mutable and not
     * thread-safe.
     */
    public static final class Cursor {
        private final int minLength;
        private final int seed;
        private final StableHash.Utf8 hasher = new StableHash.Utf8();
        private String text = "";
        private int pos;
        private int start;
        private int end;
        private int hash;

        private Cursor(int minLength, int seed) {
            this.minLength = minLength;
            this.seed = seed;
        }

        /** Starts on {@code text} ({@code null} counts as empty). */
        public void reset(String text) {
            this.text = text == null ? "" : text;
            this.pos = 0;
        }

        /** Moves to the next token; false when there is none. */
        public boolean next() {
            int n = text.length();
            while (pos < n) {
                int cp = text.codePointAt(pos);
                if (!Character.isLetterOrDigit(cp)) {
                    pos += Character.charCount(cp);
                    continue;
                }
                int from = pos;
                int length = 0;
                hasher.start(seed);
                while (pos < n) {
                    cp = text.codePointAt(pos);
                    if (!Character.isLetterOrDigit(cp)) {
                        break;
                    }
                    hasher.add(Character.toLowerCase(cp));
                    length++;
                    pos += Character.charCount(cp);
                }
                if (length >= minLength) {
                    start = from;
                    end = pos;
                    hash = hasher.finish();
                    return true;
                }
            }
            return false;
        }

        /** The current token's MurmurHash3 x86_32 (of its lower-cased UTF-8 bytes). */
        public int hash() {
            return hash;
        }

        /** Where the current token starts in the text (a char index). */
        public int start() {
            return start;
        }

        /** Where the current token ends in the text (exclusive char index). */
        public int end() {
            return end;
        }
    }
}
