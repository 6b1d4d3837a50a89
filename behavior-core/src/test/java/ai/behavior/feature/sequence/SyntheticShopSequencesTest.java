package ai.behavior.feature.sequence;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.feature.time.CalendarFeatures;
import ai.behavior.feature.time.EventFrames;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticShopSequencesTest {
    private static ShopData shop;
    private static long cutoff;

    @BeforeAll
    static void generate() {
        shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(150).withCategories(6)
                .withItems(120).withDays(14).withSeed(11));
        cutoff = shop.options().startDate().plusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void sequencesMatchABruteForceScanOfEventsBeforeTheCutoff() {
        Interactions log = shop.interactions();
        AttributeTable items = shop.items();
        UserSequences s = SequenceBuilder.lastEvents(8).withCategories(items, "category").build(log, cutoff);
        assertTrue(s.size() > 20, "users with history before the cut-off: " + s.size());
        for (int k = 0; k < s.size(); k++) {
            int u = s.userIndices()[k];
            // Brute force: the user's rows before the cut-off, stably sorted by time, last 8.
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < log.size(); r++) {
                if (log.user(r) == u && log.timestamp(r) < cutoff) {
                    rows.add(r);
                }
            }
            rows.sort(Comparator.comparingLong(log::timestamp));
            List<Integer> last = rows.subList(Math.max(0, rows.size() - 8), rows.size());
            assertEquals(last.size(), s.items()[k].length, "user " + u);
            for (int i = 0; i < last.size(); i++) {
                int r = last.get(i);
                assertEquals(log.item(r), s.items()[k][i]);
                assertEquals(log.typeCode(r), s.types()[k][i]);
                int itemRow = items.keys().indexOf(log.items().id(log.item(r)));
                String category = items.categorical("category").label(itemRow);
                assertEquals(category == null ? UserSequences.MISSING_CATEGORY : category,
                        s.categoryVocabulary().id(s.categories()[k][i]));
                double gap = i == 0 ? 0 : (log.timestamp(r) - log.timestamp(last.get(i - 1))) / 1000.0;
                assertEquals(gap, s.gaps()[k][i]);
            }
            assertEquals((cutoff - log.timestamp(last.get(last.size() - 1))) / 1000.0, s.secondsSinceLast()[k]);
        }
        // Dropping every event at or after the cut-off changes nothing.
        Interactions before = log.filter(r -> log.timestamp(r) < cutoff);
        UserSequences again = SequenceBuilder.lastEvents(8).withCategories(items, "category").build(before, cutoff);
        assertArrayEquals(s.users().ids(), again.users().ids());
        assertArrayEquals(s.items(), again.items());
        assertArrayEquals(s.categories(), again.categories());
        assertArrayEquals(s.secondsSinceLast(), again.secondsSinceLast());
    }

    @Test
    void pipelinesFitOnTheBuiltFramesAndEventFrames() {
        Interactions log = shop.interactions();
        UserSequences s = SequenceBuilder.lastEvents(8).withCategories(shop.items(), "category").build(log, cutoff);
        FittedPipeline p = Pipeline.builder()
                .add("items", SequenceEncoder.of(UserSequences.ITEMS, 8))
                .add("cats", SequenceEncoder.of(UserSequences.CATEGORIES, 8))
                .add("since", Standardize.of(UserSequences.SECONDS_SINCE_LAST)).build().fit(s.frame());
        FeatureMatrix m = p.transform(s.frame());
        assertEquals(0, m.unknownInSequence(0));   // transforming the training frame: every item is known
        assertTrue(p.schema().sequence("cats").vocabularySize() <= 6 + 3, p.describe());

        NextItemExamples.Split split = NextItemExamples.leaveLastOut(log, 10, EventType.VIEW);
        assertTrue(split.train().size() > 100 && split.test().size() > 20, split.train() + " " + split.test());
        FittedPipeline seq = Pipeline.builder().add("prefix", SequenceEncoder.of(NextItemExamples.PREFIX, 10))
                .build().fit(split.train().frame());
        FeatureMatrix test = seq.transform(split.test().frame());
        assertEquals(split.test().size(), test.rows());
        // Every test row ends in a real event (left padding puts the most recent item in the last slot).
        for (int r = 0; r < test.rows(); r++) {
            assertEquals(1f, test.sequenceMask(0)[r * 10 + 9]);
        }

        FittedPipeline events = Pipeline.builder().add("when", CalendarFeatures.of(EventFrames.TIMESTAMP).withCyclic())
                .build().fit(EventFrames.of(log));
        assertEquals(log.size(), events.transform(EventFrames.of(log)).rows());
    }
}
