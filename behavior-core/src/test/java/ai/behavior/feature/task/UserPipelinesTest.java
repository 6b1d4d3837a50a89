package ai.behavior.feature.task;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FittedPipeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserPipelinesTest {
    @Test
    void fewLabelsAreOneHotEncodedAndManyAreIndexEncoded() {
        int n = UserPipelines.ONE_HOT_LIMIT + 1;
        IdIndex.Builder keys = IdIndex.builder();
        String[] few = new String[n];
        String[] many = new String[n];
        double[] count = new double[n];
        for (int i = 0; i < n; i++) {
            keys.intern("u" + i);
            few[i] = i % 2 == 0 ? "north" : "south";
            many[i] = "zip" + i;                      // 33 labels: one more than the one-hot limit
            count[i] = i;
        }
        FeatureFrame users = FeatureFrame.builder(n).keys(keys.build()).numeric("frequency", count)
                .categorical("region", few).categorical("zip", many).build();
        FittedPipeline p = UserPipelines.standard(users).fit(users);
        List<String> dense = p.schema().denseNames();
        assertTrue(dense.stream().anyMatch(c -> c.startsWith("region.")), "one-hot region: " + dense);
        assertTrue(dense.stream().noneMatch(c -> c.startsWith("zip")), "zip is not one-hot: " + dense);
        assertEquals(1, p.schema().categorical().size(), "zip is one index-encoded column: " + p.schema());
        assertTrue(p.schema().categoricalIndex(p.schema().categorical().get(0).name()) >= 0);
        assertTrue(p.schema().categorical().get(0).name().startsWith("zip"), p.schema().toString());
        // the purchase task's default pipeline is this one
        assertEquals(UserPipelines.ONE_HOT_LIMIT, UserPurchaseTask.ONE_HOT_LIMIT);
    }
}
