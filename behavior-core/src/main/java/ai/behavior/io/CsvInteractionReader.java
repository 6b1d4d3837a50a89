package ai.behavior.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a behaviour log from CSV or TSV with a declared {@link InteractionSchema}.
 *
 * <pre>{@code
 * ReadResult r = CsvInteractionReader.read(Path.of("events.csv"), schema);
 * System.out.println(r.report().summary());
 * }</pre>
 *
 * <p>Tokenising (quotes, escaped quotes, CRLF, byte-order marks) is FastCSV's; this class parses the fields
 * straight from FastCSV's buffer without making a string per field, so ids already seen cost no allocation.
 * Every malformed row is either an error naming file, line, column and text ({@link ReadPolicy#FAIL}) or
 * skipped and counted by reason ({@link ReadPolicy#SKIP}). Empty lines are counted, not errors. An empty file
 * with a declared header is an error (the header is missing); a header-only file is an empty log.
 */
public final class CsvInteractionReader {
    private CsvInteractionReader() {
    }

    /** Reads {@code file} with the default options (fail at the first bad row, UTF-8). */
    public static ReadResult read(Path file, InteractionSchema schema) throws IOException {
        return read(file, schema, ReadOptions.defaults());
    }

    /** Reads {@code file} with the given options. */
    public static ReadResult read(Path file, InteractionSchema schema, ReadOptions options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + " (no such file)");
        }
        long start = System.nanoTime();
        Handler handler = new Handler();
        int expectedRows = estimateRows(file);
        try (CsvReader<Object> csv = builder(schema).build(handler, file, options.charset())) {
            return readAll(csv, handler, schema, file.getFileName().toString(), options, start, expectedRows);
        }
    }

    /**
     * Rows the file probably holds, from its size and the line length of its first 64 KiB, so the columns
     * are allocated once instead of growing by copying (a few hundred MB of copies on a 10M-row file). An
     * estimate only: the columns still grow, or are trimmed, as the real count requires.
     */
    static int estimateRows(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head = new byte[(int) Math.min(size, 1 << 16)];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            int lines = 0;
            for (int i = 0; i < n; i++) {
                if (head[i] == '\n') {
                    lines++;
                }
            }
            if (lines < 2) {
                return 1024;
            }
            double bytesPerLine = (double) n / lines;
            return (int) Math.min(1 << 27, size / bytesPerLine * 1.02 + 16);
        }
    }

    /** Reads CSV text from {@code reader}; {@code sourceName} names it in errors and reports. */
    public static ReadResult read(Reader reader, String sourceName, InteractionSchema schema, ReadOptions options)
            throws IOException {
        long start = System.nanoTime();
        Handler handler = new Handler();
        try (CsvReader<Object> csv = builder(schema).build(handler, reader)) {
            return readAll(csv, handler, schema, sourceName, options, start, 1024);
        }
    }

    private static CsvReader.CsvReaderBuilder builder(InteractionSchema schema) {
        return CsvReader.builder().fieldSeparator(schema.delimiter()).skipEmptyLines(false)
                .ignoreDifferentFieldCount(true).detectBomHeader(true);
    }

    private static ReadResult readAll(CsvReader<Object> csv, Handler handler, InteractionSchema schema,
                                      String source, ReadOptions options, long startNanos, int expectedRows)
            throws IOException {
        EventRowAssembler rows = new EventRowAssembler(schema, source, options, expectedRows);
        handler.header = schema.header();
        handler.rows = rows;
        long blank = 0;
        boolean headerSeen = !schema.header();
        if (!schema.header()) {
            rows.usePositions();
        }
        try {
            for (Object kind : csv) {
                if (kind == Handler.BLANK) {
                    blank++;
                } else if (!headerSeen) {
                    rows.useHeader(handler.headerFields);
                    headerSeen = true;
                    handler.header = false;
                } else {
                    rows.endRow();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new MalformedRowException(source + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
        }
        if (!headerSeen) {
            throw new MalformedRowException(source + ": the file is empty but the schema declares a header line");
        }
        return rows.finish((System.nanoTime() - startNanos) / 1e9, blank);
    }

    /** FastCSV callback that forwards fields to the row assembler (or collects the header). */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Object> {
        static final Object ROW = new Object();
        static final Object BLANK = new Object();
        EventRowAssembler rows;
        boolean header;
        final List<String> headerFields = new ArrayList<>();

        @Override
        protected void handleBegin(long startingLineNumber) {
            if (!header) {
                rows.beginRow(startingLineNumber);
            }
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (header) {
                headerFields.add(new String(buf, offset, len));
            } else {
                rows.field(buf, offset, len);
            }
        }

        @Override
        protected RecordWrapper<Object> buildRecord() {
            return wrapRecord(isEmptyLine() ? BLANK : ROW);
        }
    }
}
