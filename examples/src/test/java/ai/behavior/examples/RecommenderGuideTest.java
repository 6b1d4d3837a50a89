package ai.behavior.examples;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the Java block of docs/recommenders.md, pasted unchanged between the marked lines. */
class RecommenderGuideTest {
    @Test
    void recommendersGuideBlockRuns() {
        Interactions log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(300).withDays(20))
                .interactions();
        SplitResult split = LeaveLastOut.of(1).apply(log);
        // --- recommenders.md block 1 ---
        Interactions train = split.train();
        ImplicitAls als = ImplicitAls.fit(train, ImplicitAls.Options.defaults());
        Recommender rec = new Recommender(als, UserItemMatrix.of(train, Weighting.counts()),
                Popularity.fit(train, Popularity.Options.defaults()));
        List<String> top10 = rec.recommend("u42", 10).itemIds();   // seen items excluded; unknown users get popularity
        // --- end ---
        assertEquals(10, top10.size());
    }
}
