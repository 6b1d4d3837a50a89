package ai.behavior.feature.aggregate;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static ai.behavior.feature.aggregate.Fixture.C;
import static ai.behavior.feature.aggregate.Fixture.DAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemAggregatesTest {
    private static final double EPS = 1e-12;

    @Test
    void handComputedColumnsOfTheFixture() {
        FeatureFrame f = ItemAggregates.compute(Fixture.log(), C, AggregateOptions.defaults());
        // i5 has only an event after C; i4 only an impression, which still gives it a row
        assertArrayEquals(new String[] {"i1", "i2", "i3", "i4"}, f.keys().ids());
        // i1: a's views 9 days back and b's 3 days back; i2: a's view 2 days back; i3: a's view 12 hours back
        assertArrayEquals(new double[] {0, 0, 1, 0}, f.numeric("item_view_1d"));
        assertArrayEquals(new double[] {1, 1, 1, 0}, f.numeric("item_view_7d"));
        assertArrayEquals(new double[] {3, 1, 1, 0}, f.numeric("item_view_30d"));
        assertArrayEquals(new double[] {1, 1, 0, 0}, f.numeric("item_cart_30d"));
        // the purchase of i2 at exactly C is not used
        assertArrayEquals(new double[] {1, 0, 0, 0}, f.numeric("item_purchase_30d"));
        assertArrayEquals(new double[] {2, 1, 1, 0}, f.numeric(ItemAggregates.DISTINCT_USERS));
        // purchases / views: 1/3, 0/1, 0/1, no view
        assertArrayEquals(new double[] {1.0 / 3, 0, 0, Double.NaN}, f.numeric(ItemAggregates.VIEW_TO_PURCHASE),
                EPS);
        assertArrayEquals(new double[] {20, Double.NaN, Double.NaN, Double.NaN},
                f.numeric(ItemAggregates.PURCHASE_VALUE_MEAN));
        // last events: i1 b's view 3 days back, i2 a's cart 2 days - 5 minutes back, i3 12 h, i4 1 h
        assertArrayEquals(new double[] {3, 2 - 5.0 / 1440, 0.5, 1.0 / 24}, f.numeric(ItemAggregates.RECENCY_DAYS),
                EPS);
        assertArrayEquals(new double[] {9, 2, 0.5, 1.0 / 24}, f.numeric(ItemAggregates.AGE_DAYS), EPS);
        assertEquals("item_view_7d", ItemAggregates.countColumn(EventType.VIEW, Duration.ofDays(7)));
    }

    @Test
    void smoothedConversionUsesThePooledRate() {
        FeatureFrame f = ItemAggregates.compute(Fixture.log(), C, AggregateOptions.defaults().withRateSmoothing(3));
        // pooled view->purchase 1 / 5 = 0.2; i1 (1 + 0.6) / 6, i2 and i3 0.6 / 4, i4 0.6 / 3
        assertArrayEquals(new double[] {1.6 / 6, 0.15, 0.15, 0.2}, f.numeric(ItemAggregates.VIEW_TO_PURCHASE), EPS);
    }

    @Test
    void futureEventsChangeNothing() {
        AggregateOptions o = AggregateOptions.defaults();
        Fixture.assertSameFrame(ItemAggregates.compute(Fixture.log(), C, o),
                ItemAggregates.compute(Fixture.logWithMoreFuture(), C, o));
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ItemAggregates.compute(Interactions.builder().build(), C, AggregateOptions.defaults()));
        assertTrue(e.getMessage().contains("log is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ItemAggregates.compute(Fixture.log(), C - 9 * DAY, AggregateOptions.defaults()));
        assertTrue(e.getMessage().contains("no event strictly before the cut-off"), e.getMessage());
    }
}
