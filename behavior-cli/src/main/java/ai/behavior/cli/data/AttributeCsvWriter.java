package ai.behavior.cli.data;

import ai.behavior.data.AttributeTable;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a user or item attribute table as CSV: the key first, then every column, numeric columns typed in the
 * header ({@code age:float}) so that {@link DataReader#attributes} reads them back as numbers; a missing value is
 * an empty field.
 *
 * <pre>{@code
 * AttributeCsvWriter.write(shop.users(), Path.of("users.csv"));   // user_id,age:float,age_band,region,...
 * }</pre>
 */
public final class AttributeCsvWriter {
    private AttributeCsvWriter() {
    }

    /** Writes {@code table} to {@code file} (UTF-8, LF line ends). */
    public static void write(AttributeTable table, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(table, w);
        }
    }

    /** Writes {@code table} to {@code out} (not closed). */
    public static void write(AttributeTable table, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        List<AttributeTable.Column> columns = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(table.keyName());
        for (String name : table.columnNames()) {
            AttributeTable.Column c = table.column(name);
            columns.add(c);
            header.add(c instanceof AttributeTable.NumericColumn ? name + ":float" : name);
        }
        csv.writeRecord(header);
        String[] row = new String[header.size()];
        for (int r = 0; r < table.size(); r++) {
            row[0] = table.keys().id(r);
            for (int c = 0; c < columns.size(); c++) {
                AttributeTable.Column col = columns.get(c);
                if (col.isMissing(r)) {
                    row[c + 1] = "";
                } else if (col instanceof AttributeTable.NumericColumn n) {
                    double v = n.get(r);
                    row[c + 1] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
                } else {
                    row[c + 1] = ((AttributeTable.CategoricalColumn) col).label(r);
                }
            }
            csv.writeRecord(row);
        }
        csv.flush();
    }
}
