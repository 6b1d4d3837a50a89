package ai.behavior.io;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Interactions;

/**
 * The events a reader produced and its report of what it read and skipped.
 *
 * <pre>{@code
 * ReadResult r = CsvInteractionReader.read(path, schema);
 * Interactions log = r.interactions();
 * }</pre>
 *
 * @param interactions the events
 * @param items        item attributes gathered from the log (a {@code category} column when the schema has
 *                     one; otherwise a table of the items with no columns)
 * @param report       rows read and skipped, by reason
 */
public record ReadResult(Interactions interactions, AttributeTable items, ReadReport report) {
}
