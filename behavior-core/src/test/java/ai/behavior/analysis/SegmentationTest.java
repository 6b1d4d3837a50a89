package ai.behavior.analysis;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.aggregate.UserAggregates;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentationTest {
    /**
     * u1, u2 in segment 0; u3, u4 in segment 1. recency [1, 3, 10, NaN], frequency [2, 4, 0, 1], monetary
     * [20, 40, 0, 5]: segment 0 means 2, 3, 30; segment 1 means 10 (NaN skipped), 0.5, 2.5.
     */
    private static FeatureFrame users() {
        return FeatureFrame.builder(4).keys(IdIndex.of("u1", "u2", "u3", "u4"))
                .numeric(UserAggregates.RECENCY_DAYS, new double[] {1, 3, 10, Double.NaN})
                .numeric(UserAggregates.FREQUENCY, new double[] {2, 4, 0, 1})
                .numeric(UserAggregates.MONETARY_SUM, new double[] {20, 40, 0, 5})
                .build();
    }

    private static final int[] SEGMENTS = {0, 0, 1, 1};

    /** i1 shoes, i2 bags, i3 hats, i4 without a category, i5 toys. */
    private static AttributeTable items() {
        AttributeTable.Builder b = AttributeTable.builder("item").categorical("category");
        b.row("i1").set("category", "shoes");
        b.row("i2").set("category", "bags");
        b.row("i3").set("category", "hats");
        b.row("i4");
        b.row("i5").set("category", "toys");
        return b.build();
    }

    /**
     * Segment 0: u1 views and buys i1 (shoes 2) and views i2 (bags 1); u2 views i3 (hats 1) and i1 (shoes 1):
     * shoes 3/5, then bags and hats 1/5 each (tie broken by label). Segment 1: u3 views i2 twice (bags 2) and
     * i4 (no category, not counted); u4 views i3 (hats 1) and buys i5 (toys 1): bags 2/4, hats 1/4, toys 1/4.
     * u5 is not in the users frame, so has no segment.
     */
    private static Interactions log() {
        InteractionsBuilder b = Interactions.builder();
        long t = 1_000L;
        b.add("u1", "i1", EventType.VIEW, t, 1f).add("u1", "i1", EventType.PURCHASE, t + 1, 10f)
                .add("u1", "i2", EventType.VIEW, t + 2, 1f)
                .add("u2", "i3", EventType.VIEW, t, 1f).add("u2", "i1", EventType.VIEW, t + 1, 1f)
                .add("u3", "i2", EventType.VIEW, t, 1f).add("u3", "i2", EventType.VIEW, t + 1, 1f)
                .add("u3", "i4", EventType.VIEW, t + 2, 1f)
                .add("u4", "i3", EventType.VIEW, t, 1f).add("u4", "i5", EventType.PURCHASE, t + 1, 5f)
                .add("u5", "i5", EventType.VIEW, t, 1f);
        return b.build();
    }

    @Test
    void profileByHand() {
        SegmentReport report = Segmentation.profile(users(), SEGMENTS, log(), items());
        assertEquals(4, report.totalUsers());
        SegmentProfile s0 = report.segments().get(0);
        assertEquals(2, s0.users());
        assertEquals(0.5, s0.share());
        assertEquals(2.0, s0.recencyDays(), 1e-12);
        assertEquals(3.0, s0.frequency(), 1e-12);
        assertEquals(30.0, s0.monetary(), 1e-12);
        assertEquals(List.of(new CategoryCount("shoes", 3, 0.6), new CategoryCount("bags", 1, 0.2),
                new CategoryCount("hats", 1, 0.2)), s0.topCategories());
        SegmentProfile s1 = report.segments().get(1);
        assertEquals(10.0, s1.recencyDays(), 1e-12);
        assertEquals(0.5, s1.frequency(), 1e-12);
        assertEquals(2.5, s1.monetary(), 1e-12);
        assertEquals(List.of(new CategoryCount("bags", 2, 0.5), new CategoryCount("hats", 1, 0.25),
                new CategoryCount("toys", 1, 0.25)), s1.topCategories());
        String table = report.toTable();
        assertTrue(table.contains("shoes 60%, bags 20%, hats 20%"), table);
        assertTrue(table.contains("50.0%"), table);
    }

    @Test
    void profileOfPurchasesOnly() {
        SegmentReport report = Segmentation.profile(users(), SEGMENTS, log(), items(), "category",
                EventType.PURCHASE);
        assertEquals(List.of(new CategoryCount("shoes", 1, 1.0)), report.segments().get(0).topCategories());
        assertEquals(List.of(new CategoryCount("toys", 1, 1.0)), report.segments().get(1).topCategories());
    }

    @Test
    void profileWithoutLogHasNoCategoriesAndShowsMissingMeans() {
        FeatureFrame f = FeatureFrame.builder(2).keys(IdIndex.of("u1", "u2"))
                .numeric(UserAggregates.RECENCY_DAYS, new double[] {1, Double.NaN})
                .numeric(UserAggregates.FREQUENCY, new double[] {2, 4})
                .numeric(UserAggregates.MONETARY_SUM, new double[] {20, 40})
                .build();
        SegmentReport report = Segmentation.profile(f, new int[] {0, 1});
        assertTrue(report.segments().get(1).topCategories().isEmpty());
        assertTrue(Double.isNaN(report.segments().get(1).recencyDays()));
        String line = report.toTable().lines().skip(2).findFirst().orElseThrow();
        assertEquals("      1 |     1 | 50.0% |            - |      4.00 |        40.00 | -", line);
    }

    @Test
    void badInputNamesTheCulprit() {
        AttributeTable partial = AttributeTable.builder("item").categorical("category").row("i1")
                .set("category", "shoes").build();
        IllegalArgumentException item = assertThrows(IllegalArgumentException.class,
                () -> Segmentation.profile(users(), SEGMENTS, log(), partial));
        assertTrue(item.getMessage().contains("item 'i"), item.getMessage());
        FeatureFrame stranger = FeatureFrame.builder(1).keys(IdIndex.of("nobody"))
                .numeric(UserAggregates.RECENCY_DAYS, new double[] {1})
                .numeric(UserAggregates.FREQUENCY, new double[] {1})
                .numeric(UserAggregates.MONETARY_SUM, new double[] {1}).build();
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
                () -> Segmentation.profile(stranger, new int[] {0}, log(), items()));
        assertTrue(user.getMessage().contains("'nobody'"), user.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Segmentation.profile(users(), new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Segmentation.profile(users(), new int[] {0, 1, -1, 0}));
        FeatureFrame noMonetary = FeatureFrame.builder(1)
                .numeric(UserAggregates.RECENCY_DAYS, new double[] {1})
                .numeric(UserAggregates.FREQUENCY, new double[] {1}).build();
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> Segmentation.profile(noMonetary, new int[] {0}));
        assertTrue(column.getMessage().contains("monetary_sum"), column.getMessage());
    }

    @Test
    void chooseKPrintsEveryKAndPicksThree() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KSelection s = Segmentation.chooseK(Blobs.rows(), 2, 5, KMeansOptions.of(2).withSeed(1),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(3, s.best().k());
        assertEquals(List.of(2, 3, 4, 5), s.scores().stream().map(KScore::k).toList());
        assertEquals(12.0, s.scores().get(1).inertia(), 1e-12);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, printed.lines().count(), printed);
        assertTrue(printed.startsWith("k=2   silhouette=0."), printed);
        assertTrue(s.toTable().lines().anyMatch(l -> l.startsWith("k=3 ") && l.endsWith("*")), s.toTable());
        assertThrows(IllegalArgumentException.class, () -> Segmentation.chooseK(Blobs.rows(), 1, 3,
                KMeansOptions.of(2), null));
        assertThrows(IllegalArgumentException.class, () -> Segmentation.chooseK(Blobs.rows(), 2, 15,
                KMeansOptions.of(2), null));
    }
}
