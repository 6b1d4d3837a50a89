package ai.behavior.feature.text;

import ai.behavior.feature.categorical.StableHash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenizerTest {
    // U+10400 DESERET CAPITAL LETTER LONG I lower-cases to U+10428 (a supplementary code point, two chars)
    private static final String TEXT = "Hello, WORLD! e-mail 42x \u00dc Stra\u00dfe \uD801\uDC00x \uD83D\uDE00ok";

    @Test
    void tokensAreLowerCasedRunsOfLettersAndDigits() {
        assertEquals(List.of("hello", "world", "e", "mail", "42x", "\u00fc", "stra\u00dfe", "\uD801\uDC28x", "ok"),
                Tokenizer.defaults().tokens(TEXT));   // the emoji (U+1F600) separates like punctuation
        assertEquals(List.of("hello", "world", "mail", "42x", "stra\u00dfe", "\uD801\uDC28x", "ok"),
                Tokenizer.defaults().minLength(2).tokens(TEXT));   // length in code points: the Deseret token is 2
        assertEquals(List.of(), Tokenizer.defaults().tokens("  ,;!? "));
        assertEquals(List.of(), Tokenizer.defaults().tokens(""));
    }

    @Test
    void cursorHashesEqualMurmurOfTheLowerCasedToken() {
        Tokenizer t = Tokenizer.defaults();
        Tokenizer.Cursor c = t.cursor(0);
        c.reset(TEXT);
        List<Integer> hashes = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        while (c.next()) {
            hashes.add(c.hash());
            spans.add(TEXT.substring(c.start(), c.end()));
        }
        List<String> tokens = t.tokens(TEXT);
        assertEquals(tokens.size(), hashes.size());
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(StableHash.murmur3(tokens.get(i), 0), hashes.get(i), tokens.get(i));
        }
        assertEquals("WORLD", spans.get(1));
        // reference values (StableHashTest): "hello" 613153351, "straße" 0x7ce85b05, U+10428 "x" 0x18718b23
        assertEquals(613153351, hashes.get(0));
        assertEquals(0x7ce85b05, hashes.get(6));
        assertEquals(0x18718b23, hashes.get(7));
    }

    @Test
    void cursorIsReusableAndTreatsNullAsEmpty() {
        Tokenizer.Cursor c = Tokenizer.defaults().cursor(42);
        c.reset(null);
        assertFalse(c.next());
        c.reset("Hello");
        c.next();
        assertEquals(StableHash.murmur3("hello", 42), c.hash());
        assertFalse(c.next());
        c.reset("hello");   // a second text restarts cleanly
        c.next();
        assertEquals(StableHash.murmur3("hello", 42), c.hash());
    }

    @Test
    void minLengthMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Tokenizer.defaults().minLength(0));
    }
}
