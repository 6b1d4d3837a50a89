package ai.behavior.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code behavior describe} on hand-written logs, including malformed rows and missing files. */
class DescribeCommandTest {
    // 8 events: u1 has 3 (i1, i2, i1), u2 has 1 (i1), u3 has 4 (i3, i3, i2, i1); times 1000 .. 86_401_000 ms.
    static final String LOG = "user_id,item_id,event_type,timestamp,value\n"
            + "u1,i1,view,1000,1\n"
            + "u1,i2,view,2000,1\n"
            + "u1,i1,purchase,3000,9.5\n"
            + "u2,i1,view,86401000,1\n"
            + "u3,i3,cart,4000,1\n"
            + "u3,i3,view,5000,1\n"
            + "u3,i2,view,6000,1\n"
            + "u3,i1,view,7000,1\n";

    @TempDir
    Path tmp;

    @Test
    void describesCountsMixSpanSparsityAndEventsPerUser() throws IOException {
        Path file = tmp.resolve("events.csv");
        Files.writeString(file, LOG);
        Cli.Result r = Cli.run("describe", "--data", file.toString());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.contains("read: events.csv: 8 rows read, 0 skipped"), out);
        assertTrue(out.contains("events           8\n"), out);
        assertTrue(out.contains("users            3\n"), out);
        assertTrue(out.contains("items            3\n"), out);
        assertTrue(out.contains("sessions         - (no session column)"), out);
        // span 86,401,000 - 1,000 ms = exactly one day
        assertTrue(out.contains("1970-01-01T00:00:01Z .. 1970-01-02T00:00:01Z (1.0 days)"), out);
        // distinct pairs: u1 {i1, i2}, u2 {i1}, u3 {i1, i2, i3} = 6 of 3 x 3 = 9; sparsity 1 - 6/9 = 33.3333 %
        assertTrue(out.contains("33.3333 % (6 distinct user-item pairs of 9)"), out);
        // counts sorted 1, 3, 4: median 3; p90 at position 2 * 0.9 = 1.8 -> 3 + 0.8 * (4 - 3) = 3.8; mean 8/3
        assertTrue(out.contains("min 1, median 3, p90 3.8, max 4 (mean 2.7)"), out);
        // 6 views of 8 = 75 %, one cart and one purchase = 12.5 % each
        assertTrue(out.contains("view                    6   75.00 %"), out);
        assertTrue(out.contains("cart                    1   12.50 %"), out);
        assertTrue(out.contains("purchase                1   12.50 %"), out);
    }

    @Test
    void aMalformedRowExitsWithBadDataNamingFileLineAndColumn() throws IOException {
        Path file = tmp.resolve("bad.csv");
        // line 3 (the second data row) has a timestamp that is not a number: column 4
        Files.writeString(file, "user_id,item_id,event_type,timestamp,value\nu1,i1,view,1000,1\n"
                + "u2,i2,view,yesterday,1\n");
        Cli.Result r = Cli.run("describe", "--data", file.toString());
        assertEquals(ExitCode.BAD_DATA, r.code(), r.toString());
        assertTrue(r.err().contains("bad.csv:3:4 (timestamp)"), r.err());
        assertTrue(r.err().contains("'yesterday'"), r.err());
    }

    @Test
    void skippingBadRowsCountsThemByReason() throws IOException {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "user_id,item_id,event_type,timestamp,value\nu1,i1,view,1000,1\n"
                + "u2,i2,view,yesterday,1\nu3,,view,2000,1\nu4,i4,teleport,3000,1\n");
        Cli.Result r = Cli.run("describe", "--data", file.toString(), "--skip-bad-rows");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("1 rows read, 3 skipped"), r.out());
        assertTrue(r.out().contains("bad_timestamp        1"), r.out());
        assertTrue(r.out().contains("empty_id             1"), r.out());
        assertTrue(r.out().contains("unknown_event_type   1"), r.out());
        assertTrue(r.out().contains("bad.csv:5:3 (event_type)"), r.out());
    }

    @Test
    void attributeTablesAreDescribedAndTheirBadRowsReported() throws IOException {
        Path file = tmp.resolve("events.csv");
        Files.writeString(file, LOG);
        Path items = tmp.resolve("items.csv");
        // i2's price is not a number (line 3, column 3)
        Files.writeString(items, "item_id,category,price:float\ni1,shoes,10\ni2,hats,cheap\ni3,hats,\n");
        Cli.Result strict = Cli.run("describe", "--data", file.toString(), "--items", items.toString());
        assertEquals(ExitCode.BAD_DATA, strict.code(), strict.toString());
        assertTrue(strict.err().contains("items.csv:3:3 (price)"), strict.err());
        Cli.Result skip = Cli.run("describe", "--data", file.toString(), "--items", items.toString(),
                "--skip-bad-rows");
        assertEquals(ExitCode.OK, skip.code(), skip.toString());
        assertTrue(skip.out().contains("note: --items items.csv: 2 rows read, 1 skipped (bad number 1)"), skip.out());
        assertTrue(skip.out().contains("items table: 2 rows keyed by item_id, columns [category, price]"), skip.out());
    }

    @Test
    void missingDataExitsWithDataNotFoundNamingTheFlag() {
        Cli.Result r = Cli.run("describe", "--data", tmp.resolve("nope.csv").toString());
        assertEquals(ExitCode.DATA_NOT_FOUND, r.code(), r.toString());
        assertTrue(r.err().contains("--data: no such file or folder"), r.err());
        assertTrue(r.err().contains("nope.csv"), r.err());
    }

    @Test
    void customColumnsSecondsAndAnEventMap() throws IOException {
        Path file = tmp.resolve("taobao-like.csv");
        Files.writeString(file, "uid;sku;act;ts\n1;10;pv;1511544070\n1;11;buy;1511544080\n2;10;pv;1511544090\n");
        Cli.Result r = Cli.run("describe", "--data", file.toString(), "--delimiter", ";", "--user-col", "uid",
                "--item-col", "sku", "--event-col", "act", "--time-col", "ts", "--time-format", "seconds",
                "--event-map", "pv=view,buy=purchase");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("2017-11-24T17:21:10Z .. 2017-11-24T17:21:30Z"), r.out());
        assertTrue(r.out().contains("purchase                1   33.33 %"), r.out());
    }

    @Test
    void badFlagValuesNameTheFlagAndTheExpectedForm() throws IOException {
        Path file = tmp.resolve("events.csv");
        Files.writeString(file, LOG);
        Cli.Result format = Cli.run("describe", "--data", file.toString(), "--format", "xls");
        assertEquals(ExitCode.USAGE, format.code(), format.toString());
        assertTrue(format.err().contains("'--format'") && format.err().contains("expected csv, movielens or taobao"),
                format.err());
        Cli.Result time = Cli.run("describe", "--data", file.toString(), "--time-format", "days");
        assertEquals(ExitCode.USAGE, time.code());
        assertTrue(time.err().contains("'--time-format'") && time.err().contains("expected millis"), time.err());
        Cli.Result map = Cli.run("describe", "--data", file.toString(), "--event-map", "pv");
        assertEquals(ExitCode.USAGE, map.code());
        assertTrue(map.err().contains("'--event-map'") && map.err().contains("NAME=TYPE"), map.err());
        Cli.Result unknown = Cli.run("describe", "--data", file.toString(), "--user-column", "x");
        assertEquals(ExitCode.USAGE, unknown.code());
        assertTrue(unknown.err().contains("--user-column"), unknown.err());
        Cli.Result columnsWithFormat = Cli.run("describe", "--data", file.toString(), "--format", "taobao",
                "--user-col", "x");
        assertEquals(ExitCode.USAGE, columnsWithFormat.code(), columnsWithFormat.toString());
        assertTrue(columnsWithFormat.err().contains("apply to --format csv only"), columnsWithFormat.err());
    }
}
