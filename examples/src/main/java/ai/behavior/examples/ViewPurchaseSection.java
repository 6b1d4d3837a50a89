package ai.behavior.examples;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.split.SplitResult;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.ViewTruth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The quick start's honesty check: every VIEW in the test period is a row labelled by whether the view led to a
 * purchase of the item in its session; train-only conversion-rate baselines are scored beside the generator's
 * planted probability, the ceiling no model can beat.
 */
final class ViewPurchaseSection {
    private ViewPurchaseSection() {
    }

    static MetricsReport run(ShopData shop, SplitResult split, long testCut, long seed) {
        Interactions log = shop.interactions();
        ViewTruth views = shop.truth().views();
        ConversionRateBaseline baseline = ConversionRateBaseline.fit(split.train(), 20);
        List<Integer> testViews = new ArrayList<>();
        for (int k = 0; k < views.size(); k++) {
            if (log.timestamp(views.rows()[k]) >= testCut) {
                testViews.add(k);
            }
        }
        int n = testViews.size();
        int[] label = new int[n];
        double[] item = new double[n];
        double[] personal = new double[n];
        double[] planted = new double[n];
        for (int j = 0; j < n; j++) {
            int k = testViews.get(j);
            int row = views.rows()[k];
            label[j] = views.purchased()[k] ? 1 : 0;
            item[j] = baseline.purchaseProbability(log.user(row), log.item(row), false);
            personal[j] = baseline.purchaseProbability(log.user(row), log.item(row), true);
            planted[j] = views.purchaseProbability()[k];
        }
        EvaluationProtocol protocol = EvaluationProtocol.pointwise(split.describe())
                .withOrdering(Ordering.TEMPORAL).withDataset("synthetic shop, test-period views").withSeed(seed);
        long positives = Arrays.stream(label).filter(x -> x == 1).count();
        return MetricsReport.builder("Purchase per view (" + n + " views, " + positives + " purchased)", protocol)
                .row("item conversion rate", BinaryScores.of(label, item))
                .row("item x user conversion rate", BinaryScores.of(label, personal))
                .row("planted probability (ceiling)", BinaryScores.of(label, planted))
                .build();
    }
}
