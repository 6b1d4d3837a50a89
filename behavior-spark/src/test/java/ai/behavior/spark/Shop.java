package ai.behavior.spark;

import ai.behavior.data.Interactions;
import ai.behavior.split.Split;
import ai.behavior.split.SplitResult;
import ai.behavior.synth.SyntheticShop;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** A small synthetic shop split 80/20 per user, and a log as a DataFrame of events (string ids). */
final class Shop {
    static final SplitResult SPLIT = Split.randomPerUser(0.8, 0, 0.2, 42).apply(SyntheticShop.generate(
            SyntheticShop.Options.defaults().withUsers(600).withItems(400).withSeed(11)).interactions());
    static final StructType EVENTS = new StructType()
            .add("user", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false)
            .add("type", DataTypes.StringType, false)
            .add("ts", DataTypes.LongType, false)
            .add("value", DataTypes.FloatType, false);

    private Shop() {
    }

    /** {@code log} as rows (user id, item id, event type label, epoch ms, value) in 4 partitions. */
    static Dataset<Row> frame(SparkSession spark, Interactions log) {
        List<Row> rows = new ArrayList<>(log.size());
        for (int r = 0; r < log.size(); r++) {
            rows.add(RowFactory.create(log.users().id(log.user(r)), log.items().id(log.item(r)),
                    log.type(r).label(), log.timestamp(r), log.value(r)));
        }
        return spark.createDataFrame(rows, EVENTS).repartition(4);
    }
}
