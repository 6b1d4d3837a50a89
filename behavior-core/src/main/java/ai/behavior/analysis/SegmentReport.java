package ai.behavior.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The profile table of a segmentation: one {@link SegmentProfile} per segment, in segment order.
 *
 * <pre>{@code
 * SegmentReport report = Segmentation.profile(users, km.assignments(), log, items);
 * System.out.println(report.toTable());
 * }</pre>
 *
 * @param segments   the profiles, segment 0 first
 * @param totalUsers users over all segments
 */
public record SegmentReport(List<SegmentProfile> segments, int totalUsers) {
    /** Copies the list. */
    public SegmentReport {
        segments = List.copyOf(segments);
    }

    /**
     * An aligned text table: segment, users, share, mean recency (days), mean frequency, mean monetary value
     * and the top categories with their event shares; {@code -} for a mean the segment has no value for.
     */
    public String toTable() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"segment", "users", "share", "recency_days", "frequency", "monetary_sum",
            "top categories"});
        for (SegmentProfile s : segments) {
            String top = s.topCategories().stream()
                    .map(c -> c.category() + " " + String.format(Locale.ROOT, "%.0f%%", 100 * c.share()))
                    .collect(Collectors.joining(", "));
            lines.add(new String[] {Integer.toString(s.segment()), Integer.toString(s.users()),
                String.format(Locale.ROOT, "%.1f%%", 100 * s.share()), number(s.recencyDays()),
                number(s.frequency()), number(s.monetary()), top.isEmpty() ? "-" : top});
        }
        int columns = lines.get(0).length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(widths[c] - line[c].length());
                // numbers right-aligned, the category list left-aligned and last, so no trailing padding
                sb.append(c == 0 ? "" : " | ").append(c == columns - 1 ? line[c] : pad + line[c]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
