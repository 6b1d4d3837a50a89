package ai.behavior.io;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvInteractionReaderTest {
    private static final InteractionSchema SCHEMA = InteractionSchema.builder().user("user").item("item")
            .eventType("event").timestamp("ts", TimestampFormat.EPOCH_SECONDS).value("value").build();

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static ReadResult readString(String csv, InteractionSchema schema, ReadOptions options)
            throws IOException {
        return CsvInteractionReader.read(new StringReader(csv), "test.csv", schema, options);
    }

    @Test
    void readsEveryFieldOfWellFormedRows() throws IOException {
        Path p = file("ok.csv", "user,item,event,ts,value\nu1,i1,view,1511544070,12.5\nu2,i1,purchase,1511544071.25,19.99\n"
                + "u1,i2,cart,1511544072,1\n");
        ReadResult r = CsvInteractionReader.read(p, SCHEMA);
        Interactions log = r.interactions();
        assertEquals(3, log.size());
        assertEquals(2, log.numUsers());
        assertEquals(2, log.numItems());
        assertEquals("u2", log.users().id(log.user(1)));
        assertEquals(EventType.PURCHASE, log.type(1));
        assertEquals(1_511_544_071_250L, log.timestamp(1));
        assertEquals(19.99f, log.value(1));
        assertEquals(12.5f, log.value(0));
        assertEquals(3, r.report().rowsRead());
        assertEquals(0, r.report().rowsSkipped());
        assertEquals("ok.csv: 3 rows read, 0 skipped", r.report().summary());
    }

    @Test
    void headerlessTsvByPosition() throws IOException {
        InteractionSchema s = InteractionSchema.builder().header(false).delimiter('\t').user(ColumnRef.at(0))
                .item(ColumnRef.at(1)).value(ColumnRef.at(2)).timestamp(ColumnRef.at(3), TimestampFormat.EPOCH_MILLIS)
                .fixedEventType(EventType.RATING).build();
        ReadResult r = readString("196\t242\t3\t881250949000\n186\t302\t3\t891717742000\n", s, ReadOptions.defaults());
        assertEquals(2, r.interactions().size());
        assertEquals(EventType.RATING, r.interactions().type(0));
        assertEquals(881_250_949_000L, r.interactions().timestamp(0));
    }

    @Test
    void handlesBomQuotesEscapedQuotesAndCrlf() throws IOException {
        String content = "\uFEFFuser,item,event,ts,value\r\n\"u,1\",\"say \"\"hi\"\"\",view,10,1\r\nu2,i2,click,11,2\r\n";
        ReadResult r = CsvInteractionReader.read(file("bom.csv", content), SCHEMA);
        Interactions log = r.interactions();
        assertEquals(2, log.size());
        assertEquals("u,1", log.users().id(0));
        assertEquals("say \"hi\"", log.items().id(0));
        assertEquals("u2", log.users().id(1), "CRLF must not leak into ids");
        assertEquals(2f, log.value(1));
    }

    @Test
    void emptyFileWithDeclaredHeaderIsAnError() throws IOException {
        Path p = file("empty.csv", "");
        MalformedRowException e = assertThrows(MalformedRowException.class, () -> CsvInteractionReader.read(p, SCHEMA));
        assertTrue(e.getMessage().contains("empty.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void emptyFileWithoutHeaderIsAnEmptyLog() throws IOException {
        InteractionSchema s = InteractionSchema.builder().header(false).user(ColumnRef.at(0)).item(ColumnRef.at(1))
                .timestamp(ColumnRef.at(2), TimestampFormat.EPOCH_MILLIS).build();
        ReadResult r = CsvInteractionReader.read(file("empty.csv", ""), s);
        assertTrue(r.interactions().isEmpty());
    }

    @Test
    void headerOnlyFileIsAnEmptyLog() throws IOException {
        ReadResult r = CsvInteractionReader.read(file("h.csv", "user,item,event,ts,value\n"), SCHEMA);
        assertTrue(r.interactions().isEmpty());
        assertEquals(0, r.report().rowsRead());
    }

    @Test
    void blankLinesAreCountedNotErrors() throws IOException {
        ReadResult r = readString("user,item,event,ts,value\nu1,i1,view,1,1\n\nu2,i2,view,2,1\n", SCHEMA,
                ReadOptions.defaults());
        assertEquals(2, r.interactions().size());
        assertEquals(1, r.report().blankLines());
    }

    @Test
    void missingHeaderColumnNamesTheColumnAndTheHeader() throws IOException {
        Path p = file("h.csv", "user,product,event,ts,value\nu1,i1,view,1,1\n");
        MalformedRowException e = assertThrows(MalformedRowException.class, () -> CsvInteractionReader.read(p, SCHEMA));
        assertTrue(e.getMessage().contains("'item'"), e.getMessage());
        assertTrue(e.getMessage().contains("product"), e.getMessage());
    }

    /** One bad row of each kind: FAIL names file, line, column and text; SKIP counts it by reason. */
    @Test
    void eachKindOfBadRowFailsWithItsLocation() throws IOException {
        String header = "user,item,event,ts,value\n";
        Object[][] cases = {
                {"u1,i1,view,1\n", RowProblem.Reason.WRONG_COLUMN_COUNT, 0, "u1,i1,view,1"},
                {"u1,i1,view,1,1,extra\n", RowProblem.Reason.WRONG_COLUMN_COUNT, 0, "u1,i1,view,1,1,extra"},
                {"u1,i1,view,1,abc\n", RowProblem.Reason.BAD_NUMBER, 5, "abc"},
                {"u1,i1,view,1,1f\n", RowProblem.Reason.BAD_NUMBER, 5, "1f"},
                {"u1,i1,view,yesterday,1\n", RowProblem.Reason.BAD_TIMESTAMP, 4, "yesterday"},
                {"u1,i1,view,99999999999999999999,1\n", RowProblem.Reason.BAD_TIMESTAMP, 4, "99999999999999999999"},
                {",i1,view,1,1\n", RowProblem.Reason.EMPTY_ID, 1, ""},
                {"u1,  ,view,1,1\n", RowProblem.Reason.EMPTY_ID, 2, "  "},
                {"u1,i1,teleport,1,1\n", RowProblem.Reason.UNKNOWN_EVENT_TYPE, 3, "teleport"},
                {"u1,i1,view,1,NaN\n", RowProblem.Reason.NON_FINITE_VALUE, 5, "NaN"},
                {"u1,i1,view,1,-Infinity\n", RowProblem.Reason.NON_FINITE_VALUE, 5, "-Infinity"},
                {"u1,i1,view,1,1e39\n", RowProblem.Reason.NON_FINITE_VALUE, 5, "1e39"},
        };
        for (Object[] c : cases) {
            Path p = file("bad.csv", header + "u0,i0,view,1,1\n" + c[0]);
            MalformedRowException e = assertThrows(MalformedRowException.class,
                    () -> CsvInteractionReader.read(p, SCHEMA), (String) c[0]);
            RowProblem problem = e.problem();
            assertEquals(c[1], problem.reason(), (String) c[0]);
            assertEquals("bad.csv", problem.source());
            assertEquals(3, problem.line(), (String) c[0]);
            assertEquals((int) c[2], problem.column(), (String) c[0]);
            assertEquals(c[3], problem.text(), (String) c[0]);
            assertTrue(e.getMessage().startsWith("bad.csv:3"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + c[3] + "'"), e.getMessage());
        }
    }

    @Test
    void skipPolicyCountsEverySkippedRowByReasonAndKeepsNoPhantomIds() throws IOException {
        String csv = "user,item,event,ts,value\n"
                + "u1,i1,view,1,1\n"
                + "ghost1,i9,view,1,NaN\n"        // non-finite
                + "ghost2,i8,view,soon,1\n"       // bad timestamp
                + "ghost3,i7,fly,1,1\n"           // unknown type
                + "ghost4,,view,1,1\n"            // empty item
                + "ghost5,i6,view,1\n"            // column count
                + "u2,i2,purchase,2,5\n";
        List<RowProblem> heard = new ArrayList<>();
        ReadOptions skip = ReadOptions.defaults().withPolicy(ReadPolicy.SKIP).withSkipListener(heard::add)
                .withMaxRecordedProblems(3);
        ReadResult r = readString(csv, SCHEMA, skip);
        assertEquals(2, r.interactions().size());
        assertEquals(2, r.interactions().numUsers(), "skipped rows must not intern ids");
        assertEquals(2, r.interactions().numItems());
        ReadReport rep = r.report();
        assertEquals(2, rep.rowsRead());
        assertEquals(5, rep.rowsSkipped());
        assertEquals(Map.of(RowProblem.Reason.NON_FINITE_VALUE, 1L, RowProblem.Reason.BAD_TIMESTAMP, 1L,
                RowProblem.Reason.UNKNOWN_EVENT_TYPE, 1L, RowProblem.Reason.EMPTY_ID, 1L,
                RowProblem.Reason.WRONG_COLUMN_COUNT, 1L), rep.skippedByReason());
        assertEquals(3, rep.recordedProblems().size(), "only the first 3 kept in full");
        assertEquals(5, heard.size(), "the listener hears every skipped row");
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), heard.stream().map(RowProblem::line).toList());
        assertTrue(rep.summary().contains("5 skipped"), rep.summary());
    }

    @Test
    void lineNumbersCountPhysicalLinesIncludingMultiLineQuotedFields() throws IOException {
        String csv = "user,item,event,ts,value\n\"u\n1\",i1,view,1,1\nu2,i2,view,x,1\n";
        MalformedRowException e = assertThrows(MalformedRowException.class,
                () -> readString(csv, SCHEMA, ReadOptions.defaults()));
        assertEquals(4, e.problem().line());
    }

    @Test
    void canonicalEventNamesAndCustomMappingAreExactMatches() throws IOException {
        InteractionSchema s = InteractionSchema.builder().user("u").item("i")
                .eventType("e", Map.of("pv", EventType.VIEW, "buy", EventType.PURCHASE))
                .timestamp("t", TimestampFormat.EPOCH_SECONDS).build();
        ReadResult r = readString("u,i,e,t\na,b,pv,1\na,c,buy,2\n", s, ReadOptions.defaults());
        assertEquals(List.of(EventType.VIEW, EventType.PURCHASE), List.of(r.interactions().type(0), r.interactions().type(1)));
        assertThrows(MalformedRowException.class, () -> readString("u,i,e,t\na,b,view,1\n", s, ReadOptions.defaults()));
        assertEquals(1f, r.interactions().value(0), "no value column: default value");
    }

    @Test
    void isoTimestampsInEveryAcceptedForm() throws IOException {
        InteractionSchema s = InteractionSchema.builder().user("u").item("i").timestamp("t", TimestampFormat.ISO_8601)
                .build();
        ReadResult r = readString("u,i,t\na,b,2017-11-25T08:00:00Z\na,b,2017-11-25T16:00:00+08:00\n"
                + "a,b,2017-11-25 08:00:00\na,b,2017-11-25\n", s, ReadOptions.defaults());
        long expected = 1_511_596_800_000L;
        assertEquals(expected, r.interactions().timestamp(0));
        assertEquals(expected, r.interactions().timestamp(1));
        assertEquals(expected, r.interactions().timestamp(2));
        assertEquals(expected - 8 * 3_600_000L, r.interactions().timestamp(3));
    }

    @Test
    void sessionsAndItemCategoriesAreGathered() throws IOException {
        InteractionSchema s = InteractionSchema.builder().user("u").item("i").session("s").itemCategory("c")
                .timestamp("t", TimestampFormat.EPOCH_MILLIS).build();
        ReadResult r = readString("u,i,s,c,t\na,x,s1,shoes,1\na,y,s1,hats,2\nb,x,,boots,3\n", s, ReadOptions.defaults());
        Interactions log = r.interactions();
        assertTrue(log.hasSessions());
        assertEquals(log.session(0), log.session(1));
        assertEquals(Interactions.NO_SESSION, log.session(2));
        assertEquals("shoes", r.items().categorical("category").label(r.items().keys().indexOf("x")));
        assertEquals(1, r.report().categoryConflicts(), "x was shoes, then boots: first kept, conflict counted");
    }

    @Test
    void fastFloatPathAgreesWithJavaParsing() throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        StringBuilder csv = new StringBuilder("user,item,event,ts,value\n");
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            String v = switch (k % 4) {
                case 0 -> Integer.toString(rnd.nextInt(1_000_000));
                case 1 -> String.format(java.util.Locale.ROOT, "%.2f", rnd.nextDouble() * 1000);
                case 2 -> String.format(java.util.Locale.ROOT, "%.6f", rnd.nextDouble());
                default -> Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-5, 8)));
            };
            texts.add(v);
            csv.append("u,i,view,1,").append(v).append('\n');
        }
        Interactions log = readString(csv.toString(), SCHEMA, ReadOptions.defaults()).interactions();
        for (int k = 0; k < texts.size(); k++) {
            assertEquals(Float.parseFloat(texts.get(k)), log.value(k), texts.get(k));
        }
    }

    @Test
    void writerRoundTripsALogExactly(@TempDir Path tmp) throws IOException {
        var b = Interactions.builder();
        b.add("u1", "i,1", EventType.VIEW, 1000L, 12.345f, "s1");
        b.add("u2", "i2", EventType.PURCHASE, 2000L, 19.99f, "s2");
        b.add("u1", "i2", EventType.RATING, -5L, 4f, "s1");
        Interactions log = b.build();
        Path p = tmp.resolve("rt.csv");
        InteractionsCsvWriter.write(log, p);
        Interactions back = CsvInteractionReader.read(p, InteractionsCsvWriter.schema(true)).interactions();
        assertEquals(log.size(), back.size());
        for (int r = 0; r < log.size(); r++) {
            assertEquals(log.users().id(log.user(r)), back.users().id(back.user(r)));
            assertEquals(log.items().id(log.item(r)), back.items().id(back.item(r)));
            assertEquals(log.type(r), back.type(r));
            assertEquals(log.timestamp(r), back.timestamp(r));
            assertEquals(log.value(r), back.value(r));
            assertEquals(log.sessions().id(log.session(r)), back.sessions().id(back.session(r)));
        }
    }

    @Test
    void missingFileIsAClearError() {
        Path p = dir.resolve("nope.csv");
        IOException e = assertThrows(IOException.class, () -> CsvInteractionReader.read(p, SCHEMA));
        assertTrue(e.getMessage().contains("nope.csv"));
        assertFalse(e instanceof MalformedRowException);
    }

    /** The accepted names of a mapped event-type column are listed sorted, so the message is the same every run. */
    @Test
    void unknownMappedEventTypeListsTheAcceptedNamesSorted() throws IOException {
        InteractionSchema mapped = InteractionSchema.builder().user("user").item("item")
                .eventType("event", Map.of("view", EventType.VIEW, "add_to_cart", EventType.CART,
                        "order", EventType.PURCHASE))
                .timestamp("ts", TimestampFormat.EPOCH_SECONDS).value("value").build();
        List<RowProblem> heard = new ArrayList<>();
        ReadResult r = readString("user,item,event,ts,value\nu1,i1,teleport,1,1\n", mapped,
                ReadOptions.defaults().withPolicy(ReadPolicy.SKIP).withSkipListener(heard::add));
        assertEquals(0, r.interactions().size());
        assertEquals(1, heard.size());
        assertEquals("expected one of [add_to_cart, order, view]", heard.get(0).detail());
    }
}
