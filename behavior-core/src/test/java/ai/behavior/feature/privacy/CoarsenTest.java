package ai.behavior.feature.privacy;

import ai.behavior.data.AttributeTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoarsenTest {
    private static AttributeTable users() {
        return AttributeTable.builder("user_id").categorical("email").numeric("age").categorical("zip")
                .numeric("spend")
                .row("u1").set("email", "a@x.org").set("age", 17).set("zip", "10115").set("spend", 12.5)
                .row("u2").set("email", "b@x.org").set("age", 18).set("zip", "01067")
                .row("u3").set("age", 24.9).set("zip", "80331").set("spend", 3)
                .row("u4").set("age", 25).set("zip", "8")
                .row("u5").set("age", 70).set("spend", 1)
                .row("u6").set("zip", "10117")
                .build();
    }

    @Test
    void dropColumnsKeepsKeysAndTheRest() {
        AttributeTable out = Coarsen.dropColumns(users(), "email", "spend");
        assertEquals(List.of("age", "zip"), out.columnNames());
        assertEquals("u3", out.keys().id(2));
        assertEquals(24.9, out.numeric("age").get(2));
        assertTrue(out.numeric("age").isMissing(5));
        assertEquals("01067", out.categorical("zip").label(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coarsen.dropColumns(users(), "phone"));
        assertTrue(e.getMessage().contains("'phone'") && e.getMessage().contains("[email, age, zip, spend]"),
                e.getMessage());
    }

    @Test
    void ageBandsReplaceExactAgesInPlace() {
        AttributeTable out = Coarsen.ageBand(users(), "age", "age_band", 18, 25, 35, 65);
        // the band column takes age's place; bands: <18, 18-24, 25-34, 35-64, 65+
        assertEquals(List.of("email", "age_band", "zip", "spend"), out.columnNames());
        AttributeTable.CategoricalColumn band = out.categorical("age_band");
        assertEquals("<18", band.label(0));      // 17
        assertEquals("18-24", band.label(1));    // 18: lower edges are inclusive
        assertEquals("18-24", band.label(2));    // 24.9
        assertEquals("25-34", band.label(3));    // 25
        assertEquals("65+", band.label(4));      // 70
        assertNull(band.label(5));               // missing stays missing
        assertEquals(12.5, out.numeric("spend").get(0));
        // a band one wide shows its edge; the new name may equal the old one
        AttributeTable narrow = Coarsen.ageBand(users(), "age", "age", 17, 18);
        assertEquals("17", narrow.categorical("age").label(0));
        assertEquals("18+", narrow.categorical("age").label(1));
    }

    @Test
    void ageBandRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Coarsen.ageBand(users(), "age", "band"));
        assertThrows(IllegalArgumentException.class, () -> Coarsen.ageBand(users(), "age", "band", 30, 20));
        assertThrows(IllegalArgumentException.class, () -> Coarsen.ageBand(users(), "zip", "band", 18));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coarsen.ageBand(users(), "age", "spend", 18));
        assertTrue(e.getMessage().contains("'spend'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Coarsen.ageBand(users(), "age", "user_id", 18));
    }

    @Test
    void zipToRegionKeepsAPrefix() {
        AttributeTable out = Coarsen.zipToRegion(users(), "zip", 2);
        AttributeTable.CategoricalColumn zip = out.categorical("zip");
        assertEquals("10", zip.label(0));
        assertEquals("01", zip.label(1));       // leading zero kept: the column is text
        assertEquals("80", zip.label(2));
        assertEquals("8", zip.label(3));        // shorter than the prefix: kept whole
        assertNull(zip.label(4));
        assertEquals("10", zip.label(5));
        assertEquals(4, zip.vocabulary().size());   // 10, 01, 80, 8: both 101xx codes share "10"
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coarsen.zipToRegion(users(), "age", 2));
        assertTrue(e.getMessage().contains("numeric"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Coarsen.zipToRegion(users(), "zip", 0));
    }

    @Test
    void mapCategoricalCallsTheMappingOncePerLabel() {
        int[] calls = {0};
        AttributeTable out = Coarsen.mapCategorical(users(), "email", s -> {
            calls[0]++;
            return s.substring(s.indexOf('@') + 1).toUpperCase(Locale.ROOT);
        });
        assertEquals(2, calls[0]);   // two distinct e-mails; missing values are not passed in
        assertEquals("X.ORG", out.categorical("email").label(0));
        assertEquals("X.ORG", out.categorical("email").label(1));
        assertNull(out.categorical("email").label(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coarsen.mapCategorical(users(), "email", s -> null));
        assertTrue(e.getMessage().contains("returned null"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Coarsen.mapCategorical(users(), "age", s -> s));
    }

    @Test
    void inputTableIsUntouched() {
        AttributeTable in = users();
        AttributeTable.Column before = in.column("age");
        Coarsen.ageBand(in, "age", "age", 18);
        assertSame(before, in.column("age"));
        assertEquals(17, in.numeric("age").get(0));
    }
}
