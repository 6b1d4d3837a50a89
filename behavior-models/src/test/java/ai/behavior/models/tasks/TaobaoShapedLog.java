package ai.behavior.models.tasks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small synthetic log in Taobao UserBehavior's CSV format over its 9 days (2017-11-25 to 12-03, UTC+8), with a
 * planted purchase signal: a user views items of two favourite categories; a viewed item is carted with
 * probability 0.15, and a carted item is bought with probability 0.7 after a delay of 0 to 3 days (so purchases
 * straddle the cut-offs); other views are bought with probability 0.005. Rows are written user by user in time
 * order.
 *
 * @param events the rows as {@code user, item, category, behaviour, unix seconds}
 */
record TaobaoShapedLog(List<String[]> events) {
    /** 2017-11-25 00:00 UTC+8 in Unix seconds. */
    static final long START = 1_511_539_200L;
    static final int DAYS = 9;

    static TaobaoShapedLog generate(int users, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>();
        long end = START + DAYS * 86_400L;
        for (int u = 0; u < users; u++) {
            int[] favourite = {r.nextInt(12), r.nextInt(12)};
            List<long[]> buys = new ArrayList<>();
            List<String[]> mine = new ArrayList<>();
            int sessions = 4 + r.nextInt(8);
            for (int s = 0; s < sessions; s++) {
                long t = START + r.nextLong(DAYS * 86_400L - 3_600L);
                int views = 2 + r.nextInt(6);
                for (int v = 0; v < views; v++) {
                    int category = r.nextDouble() < 0.8 ? favourite[r.nextInt(2)] : r.nextInt(12);
                    int item = category * 25 + r.nextInt(25);
                    t += 30 + r.nextInt(300);
                    mine.add(row(u, item, category, "pv", t));
                    if (r.nextDouble() < 0.15) {
                        mine.add(row(u, item, category, r.nextDouble() < 0.3 ? "fav" : "cart", t + 20));
                        if (r.nextDouble() < 0.7) {
                            buys.add(new long[] {item, category, t + 60 + r.nextLong(3 * 86_400L)});
                        }
                    } else if (r.nextDouble() < 0.005) {
                        buys.add(new long[] {item, category, t + 120});
                    }
                }
            }
            for (long[] b : buys) {
                if (b[2] < end) {
                    mine.add(row(u, (int) b[0], (int) b[1], "buy", b[2]));
                }
            }
            mine.sort((a, b) -> Long.compare(Long.parseLong(a[4]), Long.parseLong(b[4])));
            rows.addAll(mine);
        }
        return new TaobaoShapedLog(rows);
    }

    private static String[] row(int user, int item, int category, String behaviour, long t) {
        return new String[] {Integer.toString(1000 + user), Integer.toString(50_000 + item),
            Integer.toString(700 + category), behaviour, Long.toString(t)};
    }

    /** Writes the log with Taobao's header line. */
    Path write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user_id,item_id,category_id,behavior_type,timestamp\n");
            for (String[] e : events) {
                w.write(String.join(",", e));
                w.write('\n');
            }
        }
        return file;
    }
}
