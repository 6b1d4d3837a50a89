package ai.behavior.io;

import ai.behavior.data.AttributeTable;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a user or item attribute table from a delimited file with a header. Column kinds come from the
 * caller, or from RecBole-style typed headers ({@code age:float}, {@code gender:token}): {@code float}
 * columns are numeric, {@code token}, {@code token_seq} and {@code float_seq} columns are categorical (a
 * sequence is kept as its raw text).
 *
 * <pre>{@code
 * TableReadResult r = AttributeTableReader.read(Path.of("ml-100k.user"), '\t', "user_id",
 *         Map.of("age", Kind.NUMERIC), ReadOptions.defaults());
 * }</pre>
 *
 * <p>An empty field, or one equal to a declared missing marker, is a missing value (kept as missing, never
 * NaN); NaN or infinite
 * numbers and unparsable numbers are row problems handled by the {@link ReadPolicy}, as are rows with the
 * wrong column count and repeated keys.
 */
public final class AttributeTableReader {
    /**
     * An attribute table and the report of what was read and skipped.
     *
     * @param table  the attributes
     * @param report rows read and skipped, by reason
     */
    public record TableReadResult(AttributeTable table, ReadReport report) {
    }

    /** Kind of an attribute column. */
    public enum Kind {
        /** A number (missing when empty). */
        NUMERIC,
        /** A label (missing when empty). */
        CATEGORICAL
    }

    private AttributeTableReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param delimiter  field separator
     * @param keyColumn  the header name of the id column (after stripping a {@code :type} suffix)
     * @param kinds      column kinds that override the typed header (columns absent from both are
     *                   categorical)
     * @param options    bad-row policy and charset
     */
    public static TableReadResult read(Path file, char delimiter, String keyColumn, Map<String, Kind> kinds,
                                      ReadOptions options) throws IOException {
        return read(file, delimiter, keyColumn, kinds, Set.of(), options);
    }

    /**
     * Reads {@code file}, taking the given texts (exact, after trimming) as declared missing values, as a
     * source's own "unknown" marker is not an error but not a number either.
     */
    public static TableReadResult read(Path file, char delimiter, String keyColumn, Map<String, Kind> kinds,
                                      Set<String> missingMarkers, ReadOptions options) throws IOException {
        String source = file.getFileName().toString();
        long start = System.nanoTime();
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + " (no such file)");
        }
        ProblemTracker problems = new ProblemTracker(options);
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).detectBomHeader(true).ofCsvRecord(file, options.charset())) {
            var it = csv.iterator();
            if (!it.hasNext()) {
                throw new MalformedRowException(source + ": the file is empty but a header line is expected");
            }
            List<String> header = it.next().getFields();
            String[] names = new String[header.size()];
            Kind[] kind = new Kind[names.length];
            int key = -1;
            for (int c = 0; c < names.length; c++) {
                String h = header.get(c).trim();
                int colon = h.indexOf(':');
                String type = colon > 0 ? h.substring(colon + 1) : "";
                names[c] = colon > 0 ? h.substring(0, colon) : h;
                kind[c] = kinds.getOrDefault(names[c], type.equals("float") ? Kind.NUMERIC : Kind.CATEGORICAL);
                if (names[c].equals(keyColumn)) {
                    key = c;
                }
            }
            if (key < 0) {
                throw new MalformedRowException(source + ":1: key column '" + keyColumn + "' is not in the header "
                        + List.of(names));
            }
            AttributeTable.Builder table = AttributeTable.builder(keyColumn);
            for (int c = 0; c < names.length; c++) {
                if (c != key) {
                    if (kind[c] == Kind.NUMERIC) {
                        table.numeric(names[c]);
                    } else {
                        table.categorical(names[c]);
                    }
                }
            }
            Set<String> seen = new HashSet<>();
            long rows = 0;
            List<Object> parsed = new ArrayList<>(names.length);
            while (it.hasNext()) {
                CsvRecord rec = it.next();
                long line = rec.getStartingLineNumber();
                if (rec.getFieldCount() != names.length) {
                    problems.onProblem(new RowProblem(source, line, 0, "", String.join(String.valueOf(delimiter),
                            rec.getFields()), RowProblem.Reason.WRONG_COLUMN_COUNT,
                            "expected " + names.length + " fields, found " + rec.getFieldCount()));
                    continue;
                }
                String id = rec.getField(key).trim();
                if (id.isEmpty()) {
                    problems.onProblem(new RowProblem(source, line, key + 1, names[key], id,
                            RowProblem.Reason.EMPTY_ID, "the key is empty"));
                    continue;
                }
                if (!parseRow(rec, names, kind, key, missingMarkers, source, problems, parsed)) {
                    continue;
                }
                if (!seen.add(id)) {
                    problems.onProblem(new RowProblem(source, line, key + 1, names[key], id,
                            RowProblem.Reason.DUPLICATE_KEY, "this key was listed before; the first row is kept"));
                    continue;
                }
                table.row(id);
                rows++;
                for (int c = 0; c < names.length; c++) {
                    Object v = parsed.get(c);
                    if (c == key || v == null) {
                        continue;
                    }
                    if (v instanceof Double d) {
                        table.set(names[c], d);
                    } else {
                        table.set(names[c], (String) v);
                    }
                }
            }
            ReadReport report = problems.report(source, rows, 0, 0, (System.nanoTime() - start) / 1e9);
            return new TableReadResult(table.build(), report);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new MalformedRowException(source + ": " + e.getMessage());
        }
    }

    private static boolean parseRow(CsvRecord rec, String[] names, Kind[] kind, int key, Set<String> missing,
                                    String source, ProblemTracker problems, List<Object> out)
            throws MalformedRowException {
        out.clear();
        for (int c = 0; c < names.length; c++) {
            String text = rec.getField(c).trim();
            if (c == key || text.isEmpty() || missing.contains(text)) {
                out.add(null);
            } else if (kind[c] == Kind.CATEGORICAL) {
                out.add(text);
            } else {
                try {
                    out.add(FieldParsers.parseDouble(text));
                } catch (FieldParsers.NonFiniteException e) {
                    problems.onProblem(new RowProblem(source, rec.getStartingLineNumber(), c + 1, names[c], text,
                            RowProblem.Reason.NON_FINITE_VALUE, "value must be a finite number"));
                    return false;
                } catch (NumberFormatException e) {
                    problems.onProblem(new RowProblem(source, rec.getStartingLineNumber(), c + 1, names[c], text,
                            RowProblem.Reason.BAD_NUMBER, "expected a number"));
                    return false;
                }
            }
        }
        return true;
    }
}
