package ai.behavior.io;

import ai.behavior.data.Dataset;
import ai.behavior.data.EventType;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads MovieLens in RecBole's atomic-file form: {@code NAME.inter} (user, item, rating, Unix-second
 * timestamp), {@code NAME.user} and {@code NAME.item}, tab-separated with {@code name:type} headers.
 *
 * <pre>{@code
 * Dataset ml = MovieLens.read(Path.of("../shared/datasets/ml-100k"));
 * Interactions ratings = ml.interactions();   // RATING events, value = stars
 * }</pre>
 *
 * <p>Every rating becomes a {@link EventType#RATING} event whose value is the rating. User {@code age} is
 * numeric; gender, occupation and zip code are categorical. Item columns keep the file's own types, all
 * categorical: title, {@code release_year} (a token, since the file holds {@code unkonwn} and {@code V} among
 * the years) and the genre list {@code class} (space-separated). A missing {@code .user} or
 * {@code .item} file gives an attribute table with keys but no columns.
 */
public final class MovieLens {
    private MovieLens() {
    }

    /** The schema of a {@code .inter} atomic file. */
    public static InteractionSchema interactionSchema() {
        return InteractionSchema.builder().user("user_id").item("item_id").value("rating")
                .timestamp("timestamp", TimestampFormat.EPOCH_SECONDS).fixedEventType(EventType.RATING)
                .delimiter('\t').stripTypeSuffix(true).build();
    }

    /** Reads the folder with the default options; its name (e.g. {@code ml-100k}) names the files. */
    public static Dataset read(Path folder) throws IOException {
        return read(folder, ReadOptions.defaults());
    }

    /** Reads the folder with the given bad-row options. */
    public static Dataset read(Path folder, ReadOptions options) throws IOException {
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        Path inter = folder.resolve(name + ".inter");
        if (!Files.isRegularFile(inter)) {
            throw new FileNotFoundException(inter + " is missing: expected RecBole atomic files " + name
                    + ".inter/.user/.item in " + folder);
        }
        ReadResult events = CsvInteractionReader.read(inter, interactionSchema(), options);
        Path userFile = folder.resolve(name + ".user");
        Path itemFile = folder.resolve(name + ".item");
        var users = Files.isRegularFile(userFile)
                ? AttributeTableReader.read(userFile, '\t', "user_id",
                        Map.of("age", AttributeTableReader.Kind.NUMERIC), options).table()
                : ai.behavior.data.AttributeTable.builder("user_id").build();
        var items = Files.isRegularFile(itemFile)
                ? AttributeTableReader.read(itemFile, '\t', "item_id", Map.of(), options).table()
                : events.items();
        return new Dataset(name, events.interactions(), users, items);
    }
}
