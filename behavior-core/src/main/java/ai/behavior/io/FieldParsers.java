package ai.behavior.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Allocation-free number and timestamp parsing from a char buffer, for the readers' hot path. Each method
 * throws {@link NumberFormatException} on bad input (rare, so exceptions cost nothing on good files).
 */
final class FieldParsers {
    /** Thrown for NaN / infinite text, so the caller can report it separately from unparsable text. */
    static final class NonFiniteException extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        NonFiniteException(String s) {
            super(s);
        }
    }

    private static final float[] POW10F = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    private static final DateTimeFormatter SPACE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private FieldParsers() {
    }

    /** Whether the range holds only white space. */
    static boolean isBlank(char[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a finite float. Plain decimals with up to 7 significant digits and 10 fraction digits take an
     * exact fast path (mantissa and power of ten are both exact floats, so one division rounds correctly);
     * anything else goes through {@link Float#parseFloat}, minus Java's suffixes ({@code 1f}, {@code 2d}).
     */
    static float parseFloat(char[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && b[i] == ' ') {
            i++;
        }
        while (end > i && b[end - 1] == ' ') {
            end--;
        }
        if (i == end) {
            throw new NumberFormatException("empty");
        }
        boolean neg = false;
        int p = i;
        if (b[p] == '-' || b[p] == '+') {
            neg = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int frac = -1;
        boolean sawDigit = false;
        boolean simple = true;
        for (; p < end; p++) {
            char c = b[p];
            if (c >= '0' && c <= '9') {
                sawDigit = true;
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    digits++;
                }
                if (frac >= 0) {
                    frac++;
                }
                if (digits > 7) {
                    simple = false;
                    break;
                }
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && sawDigit && frac <= 10) {
            float v = (float) mantissa / POW10F[Math.max(frac, 0)];
            return neg ? -v : v;
        }
        return slowFloat(new String(b, i, end - i));
    }

    /** Parses a finite double (attribute values), with the same rules as {@link #parseFloat}. */
    static double parseDouble(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        rejectNonNumeric(s);
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new NonFiniteException(s);
        }
        return v;
    }

    private static void rejectNonNumeric(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("nan") || unsigned.equals("inf") || unsigned.equals("infinity")) {
            throw new NonFiniteException(s);
        }
        char last = lower.charAt(lower.length() - 1);
        if (!(last >= '0' && last <= '9') && last != '.') {
            throw new NumberFormatException(s); // Java would accept "1f", "2d", "NaN"
        }
    }

    private static float slowFloat(String s) {
        rejectNonNumeric(s);
        float v = Float.parseFloat(s);
        if (!Float.isFinite(v)) {
            throw new NonFiniteException(s);
        }
        return v;
    }

    /** Parses a timestamp into epoch milliseconds. */
    static long parseTimestamp(char[] b, int off, int len, TimestampFormat format) {
        return switch (format) {
            case EPOCH_SECONDS -> parseEpoch(b, off, len, 1000);
            case EPOCH_MILLIS -> parseEpoch(b, off, len, 1);
            case ISO_8601 -> parseIso(new String(b, off, len).trim());
        };
    }

    /** Integral epoch values take an overflow-checked fast path; decimals and exponents go through BigDecimal. */
    private static long parseEpoch(char[] b, int off, int len, long millisPerUnit) {
        int i = off;
        int end = off + len;
        while (i < end && b[i] == ' ') {
            i++;
        }
        while (end > i && b[end - 1] == ' ') {
            end--;
        }
        if (i == end) {
            throw new NumberFormatException("empty");
        }
        int p = i;
        boolean neg = b[p] == '-';
        if (neg || b[p] == '+') {
            p++;
        }
        if (p == end) {
            throw new NumberFormatException(new String(b, i, end - i));
        }
        long v = 0;
        for (; p < end; p++) {
            char c = b[p];
            if (c < '0' || c > '9') {
                return parseEpochDecimal(new String(b, i, end - i), millisPerUnit);
            }
            v = Math.addExact(Math.multiplyExact(v, 10), c - '0');
        }
        return Math.multiplyExact(neg ? -v : v, millisPerUnit);
    }

    private static long parseEpochDecimal(String s, long millisPerUnit) {
        try {
            return new BigDecimal(s).multiply(BigDecimal.valueOf(millisPerUnit))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("out of range: " + s);
        }
    }

    private static long parseIso(String s) {
        try {
            if (s.endsWith("Z") || s.endsWith("z")) {
                return Instant.parse(s.toUpperCase(java.util.Locale.ROOT)).toEpochMilli();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (s.indexOf('T') < 0) {
                return LocalDateTime.parse(s, SPACE_DATE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            int t = s.indexOf('T');
            boolean hasOffset = s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
            return hasOffset ? OffsetDateTime.parse(s).toInstant().toEpochMilli()
                    : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new NumberFormatException(s);
        }
    }
}
