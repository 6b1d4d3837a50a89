package ai.behavior.spark;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.io.CsvInteractionReader;
import ai.behavior.io.InteractionSchema;
import ai.behavior.io.ReadPolicy;
import ai.behavior.io.TimestampFormat;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkEventsTest {
    private static SparkSession spark;
    private static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.StringType, true)
            .add("item", DataTypes.IntegerType, true)
            .add("behavior", DataTypes.StringType, true)
            .add("ts", DataTypes.LongType, true)
            .add("price", DataTypes.DoubleType, true);
    private static final EventColumns COLS = EventColumns.of("user", "item")
            .withEventType("behavior", Map.of("pv", EventType.VIEW, "buy", EventType.PURCHASE))
            .withTimestamp("ts", TimestampFormat.EPOCH_SECONDS).withValue("price");

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    private static Dataset<Row> frame(List<Row> rows, int partitions) {
        return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
    }

    @Test
    void theSameRowsReadFromCsvAndFromSparkGiveTheSameInteractions() throws IOException {
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, "user,item,behavior,ts,price\n"
                + "u1,10,pv,1700000000,0\n"
                + "u2,11,buy,1700000060,19.5\n"
                + "u1,11,buy,1700000120,19.5\n"
                + "u3,10,pv,1700000180,0\n");
        InteractionSchema schema = InteractionSchema.builder().user("user").item("item")
                .eventType("behavior", Map.of("pv", EventType.VIEW, "buy", EventType.PURCHASE))
                .timestamp("ts", TimestampFormat.EPOCH_SECONDS).value("price").build();
        Interactions single = CsvInteractionReader.read(csv, schema).interactions();
        // Spark's CSV source reads every column as a string: the same text, parsed by our mapping
        Dataset<Row> frame = spark.read().option("header", "true").csv(csv.toString());
        SparkEvents.Result r = SparkEvents.toInteractions(frame, EventColumns.from(schema), ReadPolicy.FAIL);
        Interactions fromSpark = r.events();
        assertEquals(4, r.report().eventsKept());
        assertArrayEquals(single.users().ids(), fromSpark.users().ids());
        assertArrayEquals(single.items().ids(), fromSpark.items().ids());
        assertArrayEquals(single.userColumn(), fromSpark.userColumn());
        assertArrayEquals(single.itemColumn(), fromSpark.itemColumn());
        assertArrayEquals(single.typeCodeColumn(), fromSpark.typeCodeColumn());
        assertArrayEquals(single.timestampColumn(), fromSpark.timestampColumn());
        assertArrayEquals(single.valueColumn(), fromSpark.valueColumn());
        assertEquals(1_700_000_060_000L, fromSpark.timestamp(1), "epoch seconds become milliseconds");
    }

    @Test
    void badRowsFailNamingColumnAndValueOrAreSkippedAndCounted() {
        List<Row> rows = List.of(
                RowFactory.create("u1", 1, "pv", 10L, 1.0),
                RowFactory.create(null, 2, "pv", 11L, 1.0),       // null id
                RowFactory.create("u2", 3, "wishlist", 12L, 1.0), // unknown event type
                RowFactory.create("u3", 4, "buy", 13L, Double.NaN), // NaN value
                RowFactory.create("u4", 5, "buy", 14L, 2.5));
        Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA).coalesce(1);
        BadRowException e = assertThrows(BadRowException.class,
                () -> SparkEvents.toInteractions(frame, COLS, ReadPolicy.FAIL));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("column 'user' has null"),
                e.getMessage());
        SparkEvents.Result skipped = SparkEvents.toInteractions(frame, COLS, ReadPolicy.SKIP);
        assertEquals(5, skipped.report().rowsRead());
        assertEquals(2, skipped.report().eventsKept());
        assertEquals(Map.of("null id", 1L, "unknown event type", 1L, "bad value", 1L),
                skipped.report().skippedByReason());
        assertTrue(skipped.report().examples().get(1).contains("column 'behavior' has 'wishlist'"),
                skipped.report().examples().toString());
        assertTrue(skipped.report().examples().get(2).contains("column 'price' has 'NaN'"),
                skipped.report().examples().toString());
        assertEquals(2.5f, skipped.events().value(1));
        // on the executors a bad row fails the job; the message still names partition, row, column and value
        SparkException job = assertThrows(SparkException.class, () -> SparkEvents.perPartition(frame, COLS,
                ReadPolicy.FAIL, p -> p.events().size()).collect());
        assertTrue(job.getMessage().contains("partition 0, row 2: null id: column 'user' has null"), job.getMessage());
    }

    @Test
    void eachPartitionBecomesItsOwnInteractions() {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(RowFactory.create("u" + (i % 7), i % 13, i % 5 == 0 ? "buy" : "pv", 1000L + i, 1.0 * i));
        }
        Dataset<Row> frame = frame(rows, 3);
        List<int[]> sizes = SparkEvents.perPartition(frame, COLS, ReadPolicy.FAIL,
                p -> new int[] {p.partition(), p.events().size(), (int) p.report().rowsRead()}).collect();
        assertEquals(3, sizes.size());
        int total = 0;
        for (int i = 0; i < sizes.size(); i++) {
            assertEquals(i, sizes.get(i)[0]);
            assertEquals(sizes.get(i)[2], sizes.get(i)[1]);
            total += sizes.get(i)[1];
        }
        assertEquals(100, total);
        // 100 rows, every fifth a purchase: 20 purchases, counted per partition and added up
        long purchases = SparkEvents.perPartition(frame, COLS, ReadPolicy.FAIL,
                p -> (long) p.events().ofTypes(EventType.PURCHASE).size()).reduce(Long::sum);
        assertEquals(20L, purchases);
    }

    @Test
    void aMissingColumnIsNamed() {
        Dataset<Row> frame = spark.createDataFrame(List.of(RowFactory.create("u1", 1, "pv", 1L, 1.0)), SCHEMA);
        Exception e = assertThrows(Exception.class, () -> SparkEvents.toInteractions(frame,
                COLS.withValue("amount"), ReadPolicy.FAIL));
        assertTrue(e.getMessage().contains("amount"), e.getMessage());
    }
}
