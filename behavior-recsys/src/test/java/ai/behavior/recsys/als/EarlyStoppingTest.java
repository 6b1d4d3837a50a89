package ai.behavior.recsys.als;

import ai.behavior.data.Interactions;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyStoppingTest {
    private static final Interactions LOG = PlantedLog.generate(400, 300, 4, 25, 5);
    private static final SplitResult PARTS =
            new RandomSplit(Ratios.of(0.7, 0.15, 0.15), RandomSplit.Scope.PER_USER, 2).apply(LOG);
    private static final UserItemMatrix TRAIN = UserItemMatrix.of(PARTS.train(), Weighting.counts());

    @Test
    void keepsTheBestIterationAndStopsAfterPatience() {
        List<Double> ndcg = new ArrayList<>();
        EarlyStopping es = EarlyStopping.of(PARTS.validation(), 10).withPatience(2);
        // weak regularisation overfits, so validation NDCG peaks and falls
        ImplicitAls m = ImplicitAls.fit(TRAIN, ImplicitAls.Options.defaults().withFactors(48).withIterations(40)
                .withRegularization(0.01).withAlpha(20).withThreads(2).withEarlyStopping(es)
                .withProgress(p -> ndcg.add(p.metrics().get("ndcg@10"))));
        assertEquals(m.iterationsRun(), ndcg.size());
        int best = 0;
        for (int i = 1; i < ndcg.size(); i++) {
            if (ndcg.get(i) > ndcg.get(best)) {
                best = i;
            }
        }
        assertEquals(best + 1, m.bestIteration(), ndcg.toString());
        assertTrue(m.iterationsRun() < 40, "stopped early: " + ndcg);
        assertEquals(m.bestIteration() + 2, m.iterationsRun(), "stops after exactly `patience` worse iterations");
        double kept = ValidationNdcg.of(es, TRAIN).evaluate(m.factors(), 1);
        assertEquals(ndcg.get(best), kept, 1e-12, "the model holds the best iteration's factors");
    }

    @Test
    void validationNdcgIsTheSameOnAnyNumberOfThreads() {
        ImplicitAls m = ImplicitAls.fit(TRAIN, ImplicitAls.Options.defaults().withFactors(8).withIterations(3));
        ValidationNdcg v = ValidationNdcg.of(EarlyStopping.of(PARTS.validation(), 5), TRAIN);
        assertTrue(v.numUsers() > 300);
        assertEquals(v.evaluate(m.factors(), 1), v.evaluate(m.factors(), 3));
        assertThrows(IllegalArgumentException.class, () -> v.evaluate(m.factors(), 0));
    }

    @Test
    void settingsAndDataAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.of(PARTS.validation(), 0));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.of(PARTS.validation(), 5).withPatience(0));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.of(null, 5));
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.of(Interactions.builder().build(), 5));
        Interactions foreign = PlantedLog.generate(400, 300, 4, 25, 5); // equal content, other indices
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationNdcg.of(EarlyStopping.of(foreign, 5), TRAIN));
        assertTrue(e.getMessage().contains("share"), e.getMessage());
    }
}
