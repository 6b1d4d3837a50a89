package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TimeTest {
    private static final long MINUTE = 60_000L;

    @Test
    void timestampsLieInTheDeclaredSpan() {
        LocalDate start = LocalDate.of(2023, 6, 15);
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(300).withStartDate(start)
                .withDays(10));
        long from = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = start.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Interactions log = shop.interactions();
        assertTrue(log.size() > 0);
        assertTrue(log.minTimestamp() >= from, "first event before the span");
        assertTrue(log.maxTimestamp() < to, "last event after the span");
        for (int r = 0; r < log.size(); r++) {
            assertTrue(log.timestamp(r) >= shop.truth().users().activeFrom()[log.user(r)], "event before signup");
        }
    }

    /** The documented order: grouped by user, chronological within a user, sessions contiguous and apart. */
    @Test
    void logIsChronologicalPerUserWithContiguousSessions() {
        Interactions log = TestShops.DEFAULT.interactions();
        for (int r = 1; r < log.size(); r++) {
            if (log.user(r) == log.user(r - 1)) {
                assertTrue(log.timestamp(r) >= log.timestamp(r - 1), "time goes back at row " + r);
                if (log.session(r) != log.session(r - 1)) {
                    assertTrue(log.timestamp(r) - log.timestamp(r - 1) >= 30 * MINUTE, "sessions closer than 30 min");
                    assertTrue(log.session(r) > log.session(r - 1));
                }
            } else {
                assertTrue(log.user(r) > log.user(r - 1), "users not in index order at row " + r);
                assertTrue(log.session(r) != log.session(r - 1));
            }
        }
    }

    @Test
    void churnedUsersHaveNoEventsAfterChurn() {
        ShopData shop = TestShops.DEFAULT;
        UserTruth users = shop.truth().users();
        Interactions log = shop.interactions();
        assertTrue(users.churnedCount() > 150 && users.churnedCount() < 350, "churned " + users.churnedCount());
        int churnedWithEvents = 0;
        for (int u = 0; u < users.size(); u++) {
            if (users.churned(u) && log.byUser().count(u) > 0) {
                churnedWithEvents++;
                int last = log.byUser().row(log.byUser().end(u) - 1);
                assertTrue(log.timestamp(last) < users.churnMillis()[u], "user " + u + " active after churn");
            }
        }
        assertTrue(churnedWithEvents > 50);
    }

    @Test
    void activityFollowsTimeOfDayAndWeekend() {
        Interactions log = TestShops.DEFAULT.interactions();
        int[] byHour = new int[24];
        double weekend = 0;
        double weekday = 0;
        for (int r = 0; r < log.size(); r++) {
            if (r > 0 && log.session(r) == log.session(r - 1)) {
                continue; // count session starts
            }
            ZonedDateTime t = Instant.ofEpochMilli(log.timestamp(r)).atZone(ZoneOffset.UTC);
            byHour[t.getHour()]++;
            if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weekend++;
            } else {
                weekday++;
            }
        }
        int evening = byHour[19] + byHour[20] + byHour[21];
        int night = byHour[2] + byHour[3] + byHour[4];
        assertTrue(evening > 5 * night, "evening " + evening + " vs night " + night);
        // January 2024 from the 1st: 8 weekend days and 22 weekdays
        double lift = (weekend / 8) / (weekday / 22);
        assertTrue(lift > 1.05 && lift < 1.6, "weekend lift " + lift);
    }

    @Test
    void sessionsPerUserAreHeavyTailed() {
        Interactions log = TestShops.DEFAULT.interactions();
        int[] sessions = new int[log.numUsers()];
        for (int r = 0; r < log.size(); r++) {
            if (r == 0 || log.session(r) != log.session(r - 1)) {
                sessions[log.user(r)]++;
            }
        }
        int max = 0;
        long total = 0;
        for (int s : sessions) {
            max = Math.max(max, s);
            total += s;
        }
        double mean = (double) total / sessions.length;
        assertEquals(log.sessions().size(), total);
        assertTrue(max > 8 * mean, "max sessions " + max + " vs mean " + mean);
    }
}
