package ai.behavior.feature.sequence;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NextItemExamplesTest {
    /** u1: VIEW a @1, VIEW b @2, CART b @3, VIEW c @4; u2: VIEW d @1; u3: VIEW a @5, VIEW e @6 (log shuffled). */
    private static Interactions log() {
        return Interactions.builder()
                .add("u1", "b", EventType.CART, 3, 1)
                .add("u2", "d", EventType.VIEW, 1, 1)
                .add("u1", "a", EventType.VIEW, 1, 1)
                .add("u3", "e", EventType.VIEW, 6, 1)
                .add("u1", "c", EventType.VIEW, 4, 1)
                .add("u3", "a", EventType.VIEW, 5, 1)
                .add("u1", "b", EventType.VIEW, 2, 1)
                .build();
    }

    /** "user: prefix -> target" per example, in labels. */
    private static List<String> render(NextItemExamples x) {
        List<String> out = new ArrayList<>();
        for (int e = 0; e < x.size(); e++) {
            List<String> p = new ArrayList<>();
            for (int code : x.prefixes()[e]) {
                p.add(x.items().id(code));
            }
            out.add(x.userIds().id(x.users()[e]) + ": " + String.join(",", p) + " -> " + x.items().id(x.targets()[e]));
        }
        return out;
    }

    @Test
    void everyPositionAfterTheFirstIsAnExample() {
        // u1 history a b b c, maxLen 2: [a]->b, [a,b]->b, [b,b]->c; u2 has one event; u3: [a]->e.
        assertEquals(List.of("u1: a -> b", "u1: a,b -> b", "u1: b,b -> c", "u3: a -> e"),
                render(NextItemExamples.build(log(), 2)));
        // Views only: u1 history a b c.
        assertEquals(List.of("u1: a -> b", "u1: a,b -> c", "u3: a -> e"),
                render(NextItemExamples.build(log(), 5, EventType.VIEW)));
        assertEquals(0, NextItemExamples.build(log(), 5, EventType.PURCHASE).size());
    }

    @Test
    void leaveLastOutHoldsOutEachUsersLastEvent() {
        // u1: train [a]->b, [a,b]->b; test [b,b]->c. u3 (two events): test [a]->e only. u2: nothing.
        NextItemExamples.Split s = NextItemExamples.leaveLastOut(log(), 2);
        assertEquals(List.of("u1: a -> b", "u1: a,b -> b"), render(s.train()));
        assertEquals(List.of("u1: b,b -> c", "u3: a -> e"), render(s.test()));
    }

    @Test
    void frameViewUsesTheLogsItemIndex() {
        Interactions log = log();
        FeatureFrame f = NextItemExamples.build(log, 2).frame();
        assertEquals(List.of("prefix", "target", "user"), f.columnNames());
        assertSame(log.items(), f.vocabulary(NextItemExamples.PREFIX));
        assertEquals("c", f.label(NextItemExamples.TARGET, 2));
        assertEquals("u3", f.label(NextItemExamples.USER, 3));
        assertEquals(2, f.sequences(NextItemExamples.PREFIX)[1].length);
    }

    @Test
    void maxLenBelowOneIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> NextItemExamples.build(log(), 0));
        assertThrows(IllegalArgumentException.class, () -> NextItemExamples.leaveLastOut(log(), 0));
    }
}
