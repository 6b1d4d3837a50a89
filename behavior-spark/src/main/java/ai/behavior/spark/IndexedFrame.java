package ai.behavior.spark;

import ai.behavior.data.IdIndex;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A DataFrame with dense int user and item columns beside its string ids, and the {@link IdIndex}es that map
 * them: what Spark's ALS needs (int ids) and what our models need (the same indices, as {@code IdIndex}).
 *
 * <pre>{@code
 * IndexedFrame f = SparkIds.index(events, "user", "item");
 * f.frame().select(f.userIndexColumn(), f.itemIndexColumn()).show();
 * }</pre>
 *
 * @param frame           the DataFrame with the two int columns added
 * @param users           user ids; index {@code u} of {@link #userIndexColumn} is {@code users.id(u)}
 * @param items           item ids
 * @param userColumn      the source user id column
 * @param itemColumn      the source item id column
 * @param userIndexColumn the added int user column
 * @param itemIndexColumn the added int item column
 */
public record IndexedFrame(Dataset<Row> frame, IdIndex users, IdIndex items, String userColumn, String itemColumn,
                           String userIndexColumn, String itemIndexColumn) {
}
