package ai.behavior.io;

import ai.behavior.data.Dataset;
import ai.behavior.data.EventType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads Alibaba's Taobao UserBehavior log: {@code user_id,item_id,category_id,behavior_type,timestamp}
 * with behaviours {@code pv}, {@code cart}, {@code fav}, {@code buy} and Unix-second timestamps.
 *
 * <pre>{@code
 * Dataset taobao = TaobaoUserBehavior.read(Path.of("../shared/datasets/taobao-userbehavior/UserBehavior_head.csv"));
 * Interactions buys = taobao.interactions().ofTypes(EventType.PURCHASE);
 * }</pre>
 *
 * <p>{@code pv} → {@link EventType#VIEW}, {@code cart} → {@link EventType#CART}, {@code fav} →
 * {@link EventType#FAVOURITE}, {@code buy} → {@link EventType#PURCHASE}; every value is 1; each item's
 * category becomes the item table's {@code category} column. The original file is not sorted by time within
 * a user: use {@code log.byUser()} for time-ordered sequences. Files with a header line and the original
 * headerless file are both accepted.
 */
public final class TaobaoUserBehavior {
    /** The behaviour names of the original file. */
    public static final Map<String, EventType> BEHAVIOURS = Map.of("pv", EventType.VIEW, "cart", EventType.CART,
            "fav", EventType.FAVOURITE, "buy", EventType.PURCHASE);

    private TaobaoUserBehavior() {
    }

    /** The schema of a file with the header line {@code user_id,item_id,category_id,behavior_type,timestamp}. */
    public static InteractionSchema schema() {
        return InteractionSchema.builder().user("user_id").item("item_id").itemCategory("category_id")
                .eventType("behavior_type", BEHAVIOURS).timestamp("timestamp", TimestampFormat.EPOCH_SECONDS)
                .build();
    }

    /** The schema of the original headerless file. */
    public static InteractionSchema headerlessSchema() {
        return InteractionSchema.builder().header(false).user(ColumnRef.at(0)).item(ColumnRef.at(1))
                .itemCategory(ColumnRef.at(2)).eventType(ColumnRef.at(3), BEHAVIOURS)
                .timestamp(ColumnRef.at(4), TimestampFormat.EPOCH_SECONDS).build();
    }

    /** Reads the file with the default options. */
    public static Dataset read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    /** Reads the file; a first line starting with {@code user_id} is taken as a header. */
    public static Dataset read(Path file, ReadOptions options) throws IOException {
        boolean header;
        try (var lines = java.nio.file.Files.lines(file, options.charset())) {
            header = lines.findFirst().map(l -> l.replace("\uFEFF", "").startsWith("user_id")).orElse(true);
        }
        ReadResult r = CsvInteractionReader.read(file, header ? schema() : headerlessSchema(), options);
        var users = ai.behavior.data.AttributeTable.builder("user_id");
        for (int u = 0; u < r.interactions().numUsers(); u++) {
            users.row(r.interactions().users().id(u));
        }
        return new Dataset(file.getFileName().toString(), r.interactions(), users.build(), r.items());
    }
}
