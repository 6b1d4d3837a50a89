package ai.behavior.feature.task;

import ai.behavior.data.IdIndex;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.label.LabeledUsers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The task's protocol line: the seed given with the split is the seed printed. */
class UserPurchaseTaskProtocolTest {
    @Test
    void protocolPrintsTheSplitSeed() {
        IdIndex users = IdIndex.of("a", "b");
        FeatureFrame frame = FeatureFrame.builder(2).keys(users).numeric("x", new double[] {1, 2}).build();
        UserPurchaseTask task = new UserPurchaseTask(frame, new LabeledUsers(users, new double[] {0, 1}),
                0L, Duration.ofDays(7));
        EvaluationProtocol p = task.protocol("users split 70/30 stratified", 7);
        assertEquals(7, p.seed());
        // cut-off 0 ms = 1970-01-01T00:00:00Z; 7 days = 168 h
        assertEquals("protocol: split=users split 70/30 stratified, seed 7; features before 1970-01-01T00:00:00Z, "
                + "label: purchase in the next 168 h; ordering=by time; candidates=each labelled row scored "
                + "(pointwise); seed=7", p.describe());
    }
}
