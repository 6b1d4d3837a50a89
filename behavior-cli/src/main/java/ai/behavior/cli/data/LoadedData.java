package ai.behavior.cli.data;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Interactions;
import ai.behavior.io.ReadReport;

import java.nio.file.Path;

/**
 * A log read from the command line's {@code --data}, with what the reader reported.
 *
 * <pre>{@code
 * LoadedData d = DataReader.read(Path.of("events.csv"), DataFormat.CSV, SchemaSettings.none(), false, "--data");
 * System.out.println(d.report().summary());
 * }</pre>
 *
 * @param name   a short name for reports (the file or folder name)
 * @param path   where it was read from
 * @param format its layout
 * @param log    the events
 * @param report rows read and skipped, by reason
 * @param items  item attributes gathered by the reader (a {@code category} column when the source has one)
 */
public record LoadedData(String name, Path path, DataFormat format, Interactions log, ReadReport report,
                         AttributeTable items) {
}
