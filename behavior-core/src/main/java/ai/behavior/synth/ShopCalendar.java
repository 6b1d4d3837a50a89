package ai.behavior.synth;

import java.time.LocalDate;

/**
 * The shop's clock: the simulated span and the relative intensity of shopping by hour of day and day of
 * week. Timestamps are read as shop-local time expressed in epoch milliseconds (UTC wall clock).
 */
final class ShopCalendar {
    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    /** Relative shopping intensity by hour of day (max 1): quiet nights, a lunch bump, an evening peak. */
    private static final double[] BY_HOUR = {
        0.18, 0.10, 0.06, 0.04, 0.04, 0.07, 0.15, 0.30, 0.45, 0.55, 0.62, 0.70,
        0.78, 0.74, 0.66, 0.64, 0.66, 0.72, 0.82, 0.92, 1.00, 0.96, 0.72, 0.38};
    /** Saturday and Sunday are this much busier than weekdays. */
    static final double WEEKEND_LIFT = 1.25;
    /** Upper bound of {@link #intensity(long)}. */
    static final double MAX_INTENSITY = WEEKEND_LIFT;
    /** Average of {@link #intensity(long)} over a whole week. */
    static final double MEAN_INTENSITY;

    static {
        double sum = 0;
        for (double h : BY_HOUR) {
            sum += h;
        }
        MEAN_INTENSITY = sum / 24.0 * (5 + 2 * WEEKEND_LIFT) / 7.0;
    }

    private final long start;
    private final long end;

    ShopCalendar(LocalDate startDate, int days) {
        this.start = startDate.toEpochDay() * DAY;
        this.end = start + days * DAY;
    }

    /** First millisecond of the span. */
    long start() {
        return start;
    }

    /** End of the span (exclusive), epoch milliseconds. */
    long end() {
        return end;
    }

    /** Length of the span in milliseconds. */
    long span() {
        return end - start;
    }

    /** Relative shopping intensity at {@code millis}: hour-of-day weight times the weekend lift. */
    static double intensity(long millis) {
        long day = Math.floorDiv(millis, DAY);
        int hour = (int) ((millis - day * DAY) / HOUR);
        int dayOfWeek = (int) Math.floorMod(day + 3, 7L); // 0 = Monday; 1970-01-01 was a Thursday
        return BY_HOUR[hour] * (dayOfWeek >= 5 ? WEEKEND_LIFT : 1.0);
    }
}
