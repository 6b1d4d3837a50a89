package ai.behavior.cli.data;

import java.util.Locale;

/**
 * How {@code --data} is laid out.
 *
 * <pre>{@code
 * DataFormat f = DataFormat.parse("taobao");
 * LoadedData d = DataReader.read(path, f, SchemaSettings.none(), false, "--data");
 * }</pre>
 */
public enum DataFormat {
    /**
     * Delimited text with a declared schema; by default the SDK's own layout
     * {@code user_id,item_id,event_type,timestamp,value[,session_id]} with epoch-millisecond timestamps, as
     * {@code generate} and {@code split} write it.
     */
    CSV("csv"),
    /** MovieLens in RecBole's atomic files: a folder holding {@code NAME.inter} (or the {@code .inter} file). */
    MOVIELENS("movielens"),
    /** Alibaba's Taobao UserBehavior CSV ({@code pv/cart/fav/buy}, Unix seconds), with or without a header. */
    TAOBAO("taobao");

    private final String label;

    DataFormat(String label) {
        this.label = label;
    }

    /** The name on the command line. */
    public String label() {
        return label;
    }

    /**
     * The format named {@code text} (any case).
     *
     * @throws IllegalArgumentException naming the accepted formats
     */
    public static DataFormat parse(String text) {
        for (DataFormat f : values()) {
            if (f.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected csv, movielens or taobao, got '" + text + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
