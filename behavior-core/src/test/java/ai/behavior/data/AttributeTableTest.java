package ai.behavior.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributeTableTest {
    @Test
    void rowsColumnsAndMissingValues() {
        AttributeTable t = AttributeTable.builder("user_id").numeric("age").categorical("gender")
                .row("u1").set("age", 24).set("gender", "M")
                .row("u2").set("gender", "F")
                .row("u3").set("age", 61)
                .build();
        assertEquals(3, t.size());
        assertEquals(List.of("age", "gender"), t.columnNames());
        int u2 = t.keys().indexOf("u2");
        assertTrue(t.numeric("age").isMissing(u2));
        assertEquals(-1.0, t.numeric("age").getOrDefault(u2, -1));
        assertThrows(IllegalStateException.class, () -> t.numeric("age").get(u2));
        assertEquals(1, t.numeric("age").missingCount());
        assertNull(t.categorical("gender").label(t.keys().indexOf("u3")));
        assertEquals(-1, t.categorical("gender").code(t.keys().indexOf("u3")));
        assertEquals(2, t.categorical("gender").vocabulary().size());
        assertEquals("F", t.categorical("gender").label(u2));
    }

    @Test
    void misuseIsAClearError() {
        AttributeTable.Builder b = AttributeTable.builder("item_id").numeric("price");
        assertThrows(IllegalStateException.class, () -> b.set("price", 1.0), "set before row");
        b.row("i1");
        assertThrows(IllegalArgumentException.class, () -> b.set("price", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.set("price", "cheap"));
        assertThrows(IllegalArgumentException.class, () -> b.set("brand", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.row("i1"), "duplicate key");
        assertThrows(IllegalArgumentException.class, () -> b.numeric("price"), "column declared twice");
        AttributeTable t = b.build();
        assertThrows(IllegalArgumentException.class, () -> t.categorical("price"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.column("nope"));
        assertTrue(e.getMessage().contains("[price]"), e.getMessage());
    }
}
