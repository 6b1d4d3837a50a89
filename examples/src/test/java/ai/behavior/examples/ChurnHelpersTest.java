package ai.behavior.examples;

import ai.behavior.analysis.FeatureImportance;
import ai.behavior.analysis.ImportanceResult;
import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.task.UserPipelines;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The churn example's pipeline ({@code UserPipelines.standard}) and importance table, on frames and results written by hand. */
class ChurnHelpersTest {
    @Test
    void countsAreLogScaledMissingValuesFlaggedAndAgeStandardisedDirectly() {
        IdIndex.Builder keys = IdIndex.builder();
        keys.intern("a");
        keys.intern("b");
        FeatureFrame users = FeatureFrame.builder(2).keys(keys.build())
                .numeric("frequency", new double[] {0, Math.E - 1})           // log1p: 0 and 1
                .numeric("purchase_recency_days", new double[] {Double.NaN, 3})
                .numeric("age", new double[] {20, 40})
                .categorical("region", new String[] {"north", "south"})
                .build();
        FittedPipeline p = UserPipelines.standard(users).fit(users);
        FeatureMatrix x = p.transform(users);
        List<String> names = p.schema().denseNames();
        // frequency: log1p gives {0, 1}, mean 0.5, population sd 0.5 -> {-1, 1}
        assertEquals(-1f, x.dense(0, names.indexOf("frequency")), 1e-6);
        assertEquals(1f, x.dense(1, names.indexOf("frequency")), 1e-6);
        // age standardised without log: {20, 40} -> {-1, 1}
        assertEquals(-1f, x.dense(0, names.indexOf("age")), 1e-6);
        // a user who never bought: imputed (the median of the one present value, so 0 after scaling) and flagged
        assertEquals(0f, x.dense(0, names.indexOf("purchase_recency_days")), 1e-6);
        String flag = names.stream().filter(n -> n.startsWith("purchase_recency_days") && !n.equals(
                "purchase_recency_days")).findFirst().orElseThrow(() -> new AssertionError("no indicator in " + names));
        assertEquals(1f, x.dense(0, names.indexOf(flag)));
        assertEquals(0f, x.dense(1, names.indexOf(flag)));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("region.")), "one-hot region columns: " + names);
    }

    @Test
    void theTableRanksEachModelsFeaturesSideBySide() {
        ImportanceResult left = new ImportanceResult("auc", 0.8, 3, 7, List.of(
                new FeatureImportance("recency_days", 0.1, 0.01, new double[] {0.09, 0.1, 0.11}),
                new FeatureImportance("sessions", 0.02, 0, new double[] {0.02, 0.02, 0.02})));
        ImportanceResult right = new ImportanceResult("auc", 0.75, 3, 7, List.of(
                new FeatureImportance("active_days", 0.05, 0, new double[] {0.05, 0.05, 0.05})));
        String table = ImportanceTable.sideBySide("logistic", left, "MLP", right, 2);
        String[] lines = table.split("\n");
        assertEquals(4, lines.length, table);
        assertTrue(lines[1].contains("0.8000") && lines[1].contains("0.7500"), table);
        assertTrue(lines[2].matches("\\s+1 \\| recency_days\\s+0\\.1000\\s+0\\.0100 "
                + "\\| active_days\\s+0\\.0500\\s+0\\.0000"), lines[2]);
        assertTrue(lines[3].matches("\\s+2 \\| sessions\\s+0\\.0200\\s+0\\.0000 \\|\\s+"),
                "MLP has one feature: " + lines[3]);
    }
}
