package ai.behavior.spark;

import ai.behavior.data.IdIndex;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkIdsTest {
    private static final StructType SCHEMA = new StructType().add("user", DataTypes.StringType, true)
            .add("item", DataTypes.LongType, true);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    @Test
    void stringIdsBecomeDenseIntsAndComeBack() {
        Dataset<Row> events = spark.createDataFrame(List.of(RowFactory.create("bob", 30L),
                RowFactory.create("alice", 10L), RowFactory.create("bob", 10L)), SCHEMA).repartition(2);
        IndexedFrame f = SparkIds.index(events, "user", "item");
        // new indices hold the distinct ids sorted as strings: alice, bob and "10", "30"
        assertArrayEquals(new String[] {"alice", "bob"}, f.users().ids());
        assertArrayEquals(new String[] {"10", "30"}, f.items().ids());
        List<Row> rows = f.frame().orderBy("user", "item").select("user", "item", SparkIds.USER_INDEX,
                SparkIds.ITEM_INDEX).collectAsList();
        assertEquals(List.of(RowFactory.create("alice", 10L, 0, 0), RowFactory.create("bob", 10L, 1, 0),
                RowFactory.create("bob", 30L, 1, 1)), rows);
        Dataset<Row> back = SparkIds.toIds(f.frame(), SparkIds.ITEM_INDEX, f.items(), "item_again");
        for (Row r : back.select("item", "item_again").collectAsList()) {
            assertEquals(String.valueOf(r.getLong(0)), r.getString(1));
        }
    }

    @Test
    void unknownAndNullIdsAreNamed() {
        Dataset<Row> events = spark.createDataFrame(List.of(RowFactory.create("carol", 10L)), SCHEMA);
        Exception e = assertThrows(IllegalArgumentException.class, () -> SparkIds.index(events, "user", "item",
                IdIndex.of("alice", "bob"), IdIndex.of("10")));
        assertTrue(e.getMessage().contains("column 'user' has 'carol', which is not in the index of 2 ids"),
                e.getMessage());
        Dataset<Row> nulls = spark.createDataFrame(List.of(RowFactory.create(null, 10L)), SCHEMA);
        Exception n = assertThrows(IllegalArgumentException.class, () -> SparkIds.index(nulls, "user", "item"));
        assertTrue(n.getMessage().contains("column 'user' has a null id"), n.getMessage());
    }
}
