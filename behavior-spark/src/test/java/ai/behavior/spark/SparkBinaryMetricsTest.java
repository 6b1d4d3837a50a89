package ai.behavior.spark;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.metric.LogLoss;
import ai.behavior.metric.RocAuc;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkBinaryMetricsTest {
    private static final StructType PREDICTIONS = new StructType()
            .add("label", DataTypes.IntegerType, true)
            .add("p", DataTypes.DoubleType, true);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    private static Dataset<Row> frame(int[] label, double[] p, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < label.length; i++) {
            rows.add(RowFactory.create(label[i], p[i]));
        }
        return spark.createDataFrame(rows, PREDICTIONS).repartition(partitions);
    }

    @Test
    void aucAndLogLossEqualTheSingleMachineNumbersOnTheSyntheticShop() {
        // label: is the event a purchase; probability: a coarse function of the user's activity and the item,
        // rounded to two decimals so thousands of rows tie (the tie handling is what is tested)
        Interactions log = Shop.SPLIT.test();
        int n = log.size();
        int[] perUser = new int[log.numUsers()];
        for (int r = 0; r < n; r++) {
            perUser[log.user(r)]++;
        }
        int[] label = new int[n];
        double[] p = new double[n];
        for (int r = 0; r < n; r++) {
            label[r] = log.type(r) == EventType.PURCHASE ? 1 : 0;
            double z = 0.05 * perUser[log.user(r)] - 2 + 0.3 * (log.item(r) % 5);
            p[r] = Math.round(100 / (1 + Math.exp(-z))) / 100.0;
        }
        Dataset<Row> predictions = frame(label, p, 4);
        EvaluationProtocol protocol = EvaluationProtocol.pointwise(Shop.SPLIT.describe()).withDataset("synthetic shop");
        SparkBinaryResult r = SparkBinaryMetrics.evaluate(predictions, "label", "p", protocol);
        assertEquals(RocAuc.of(label, p), r.auc(), 0.0, "the pair count is exact, so the AUC is bit for bit");
        assertEquals(LogLoss.of(label, p), r.logLoss(), 1e-9);
        assertEquals(n, r.rows());
        assertTrue(r.positives() > 0 && r.positives() < n);
        assertTrue(r.toReport("purchase", "activity score").toTable().contains(protocol.describe()));
    }

    @Test
    void tiesCountOneHalfAcrossPartitionsAndMinusZeroTiesZero() {
        // RocAuc's own example: 0.75
        assertEquals(0.75, SparkBinaryMetrics.auc(frame(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8},
                3), "label", "p"), 0.0);
        // pairs (pos 0.5, neg 0.5) tie = 1/2, (0.5, 0.1), (0.9, 0.5), (0.9, 0.1) won: 3.5 / 4 = 0.875
        assertEquals(0.875, SparkBinaryMetrics.auc(frame(new int[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.9, 0.1},
                2), "label", "p"), 0.0);
        // -0.0 and 0.0 are the same score: one tied pair, 0.5
        assertEquals(0.5, SparkBinaryMetrics.auc(frame(new int[] {1, 0}, new double[] {-0.0, 0.0}, 2), "label", "p"),
                0.0);
    }

    @Test
    void badLabelsScoresAndOneClassAreErrorsNamingTheColumn() {
        Exception label = assertThrows(IllegalArgumentException.class, () -> SparkBinaryMetrics.auc(
                frame(new int[] {0, 2}, new double[] {0.1, 0.2}, 1), "label", "p"));
        assertTrue(label.getMessage().contains("column 'label' has 2"), label.getMessage());
        Exception nan = assertThrows(IllegalArgumentException.class, () -> SparkBinaryMetrics.auc(
                frame(new int[] {0, 1}, new double[] {0.1, Double.NaN}, 1), "label", "p"));
        assertTrue(nan.getMessage().contains("column 'p' has NaN"), nan.getMessage());
        Exception one = assertThrows(IllegalArgumentException.class, () -> SparkBinaryMetrics.auc(
                frame(new int[] {1, 1}, new double[] {0.1, 0.2}, 1), "label", "p"));
        assertTrue(one.getMessage().contains("one class"), one.getMessage());
        Exception prob = assertThrows(IllegalArgumentException.class, () -> SparkBinaryMetrics.logLoss(
                frame(new int[] {0, 1}, new double[] {0.1, 1.5}, 1), "label", "p"));
        assertTrue(prob.getMessage().contains("1.5"), prob.getMessage());
    }
}
