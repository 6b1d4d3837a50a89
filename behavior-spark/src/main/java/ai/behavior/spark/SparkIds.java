package ai.behavior.spark;

import ai.behavior.data.IdIndex;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps string ids to the dense int ids Spark's ALS needs and back, through our {@link IdIndex}: a broadcast
 * join with a small (id, index) table, so the index is built once on the driver and nothing else is
 * collected.
 *
 * <pre>{@code
 * IndexedFrame f = SparkIds.index(events, "user", "item");              // new indices, ids sorted
 * Dataset<Row> named = SparkIds.toIds(recs, "item_index", f.items(), "item");
 * }</pre>
 *
 * <p>Ids are the string form of the column values ({@code cast("string")}), as the CSV reader reads them. A
 * null id, or (with given indices) an id the index does not hold, is an {@link IllegalArgumentException}
 * naming the column and the value.
 */
public final class SparkIds {
    /** Name of the int user column added by {@link #index}. */
    public static final String USER_INDEX = "user_index";
    /** Name of the int item column added by {@link #index}. */
    public static final String ITEM_INDEX = "item_index";

    private SparkIds() {
    }

    /** Indexes {@code frame}'s users and items with new indices: the distinct ids in sorted order. */
    public static IndexedFrame index(Dataset<Row> frame, String userColumn, String itemColumn) {
        return index(frame, userColumn, itemColumn, distinct(frame, userColumn), distinct(frame, itemColumn));
    }

    /**
     * Indexes {@code frame} with given indices (e.g. a training log's, so a model and its seen-items matrix
     * agree).
     *
     * @throws IllegalArgumentException naming the column and value of a null id or an id not in the index
     */
    public static IndexedFrame index(Dataset<Row> frame, String userColumn, String itemColumn, IdIndex users,
                                     IdIndex items) {
        Dataset<Row> withUser = join(frame, userColumn, users, USER_INDEX);
        Dataset<Row> both = join(withUser, itemColumn, items, ITEM_INDEX);
        return new IndexedFrame(both, users, items, userColumn, itemColumn, USER_INDEX, ITEM_INDEX);
    }

    /**
     * Adds string column {@code idColumn} holding {@code index.id(i)} for the int column {@code indexColumn}.
     *
     * @throws IllegalArgumentException naming the value of an int outside {@code [0, index.size())}
     */
    public static Dataset<Row> toIds(Dataset<Row> frame, String indexColumn, IdIndex index, String idColumn) {
        Dataset<Row> table = table(frame.sparkSession(), index, idColumn, "__index");
        Dataset<Row> joined = frame.join(functions.broadcast(table),
                frame.col(indexColumn).equalTo(table.col("__index")), "left");
        requireMatched(joined, table.col(idColumn), frame.col(indexColumn), indexColumn, "is outside the index of "
                + index.size() + " ids");
        return joined.drop("__index");
    }

    private static Dataset<Row> join(Dataset<Row> frame, String column, IdIndex index, String indexColumn) {
        Dataset<Row> table = table(frame.sparkSession(), index, "__id_" + indexColumn, indexColumn);
        Column key = frame.col(column).cast("string");
        Dataset<Row> joined = frame.join(functions.broadcast(table), key.equalTo(table.col("__id_" + indexColumn)),
                "left");
        requireMatched(joined, table.col(indexColumn), frame.col(column), column, "is not in the index of "
                + index.size() + " ids");
        return joined.drop("__id_" + indexColumn);
    }

    /** Fails naming the first source value whose join found nothing (a null or unknown id). */
    private static void requireMatched(Dataset<Row> joined, Column matched, Column source, String column,
                                       String why) {
        List<Row> bad = joined.filter(matched.isNull()).select(source).limit(1).collectAsList();
        if (!bad.isEmpty()) {
            Object v = bad.get(0).get(0);
            throw new IllegalArgumentException(v == null ? "column '" + column + "' has a null id"
                    : "column '" + column + "' has '" + v + "', which " + why);
        }
    }

    private static Dataset<Row> table(SparkSession spark, IdIndex index, String idColumn, String indexColumn) {
        List<Row> rows = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            rows.add(RowFactory.create(index.id(i), i));
        }
        StructType schema = new StructType().add(idColumn, DataTypes.StringType, false)
                .add(indexColumn, DataTypes.IntegerType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static IdIndex distinct(Dataset<Row> frame, String column) {
        Column id = frame.col(column).cast("string");
        if (!frame.filter(frame.col(column).isNull()).limit(1).isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' has a null id");
        }
        List<Row> ids = frame.select(id.as("id")).distinct().orderBy("id").collectAsList();
        String[] out = new String[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i).getString(0);
        }
        return IdIndex.of(out);
    }
}
