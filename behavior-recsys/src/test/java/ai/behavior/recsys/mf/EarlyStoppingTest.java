package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.progress.Progress;
import ai.behavior.split.Fold;
import ai.behavior.split.KFold;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyStoppingTest {
    // Few ratings per user, lots of noise: unregularised factors overfit after a few epochs.
    private static final Interactions NOISY = PlantedRatings.generate(150, 100, 2, 12, 0.8, 41);

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        Fold fold = KFold.byEvent(4, 2).apply(NOISY).get(0);
        List<Progress> seen = new ArrayList<>();
        SgdOptions o = SgdOptions.defaults().withFactors(30).withEpochs(200).withLearningRate(0.03)
                .withRegularization(0).withProgress(seen::add).withEarlyStopping(fold.test(), 3);
        BiasedMf m = BiasedMf.fitSgd(fold.train(), o);
        assertTrue(seen.size() < 200, "stopped early after " + seen.size() + " epochs");
        int best = 0;
        for (int e = 0; e < seen.size(); e++) {
            assertTrue(seen.get(e).metrics().containsKey("valid_rmse"));
            if (seen.get(e).metrics().get("valid_rmse") < seen.get(best).metrics().get("valid_rmse")) {
                best = e;
            }
        }
        assertEquals(best + 1 + 3, seen.size(), "patience 3: three epochs after the best");
        assertEquals(best + 1, m.trainedEpochs());
        assertEquals(seen.get(best).metrics().get("valid_rmse"), PlantedRatings.rmse(m, fold.test()), 1e-4,
                "the kept parameters are the best epoch's");
    }

    @Test
    void withoutRestoreTheLastEpochIsKept() {
        Fold fold = KFold.byEvent(4, 2).apply(NOISY).get(1);
        List<Progress> seen = new ArrayList<>();
        AlsOptions o = AlsOptions.defaults().withFactors(20).withEpochs(30).withRegularization(0.001)
                .withProgress(seen::add).withEarlyStopping(new EarlyStopping(fold.test(), 1, false));
        BiasedMf m = BiasedMf.fitAls(fold.train(), o);
        assertEquals(seen.size(), m.trainedEpochs());
        double last = seen.get(seen.size() - 1).metrics().get("valid_rmse");
        assertEquals(last, PlantedRatings.rmse(m, fold.test()), 1e-4);
    }
}
