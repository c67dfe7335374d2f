package dev.lathe.core.io;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * Parses one CSV cell straight from its bytes: integers, decimals (exactly, as {@link Double#parseDouble}
 * rounds them) and timestamps in {@link TimestampText}'s form, packed as Tablesaw stores them. Values
 * of an unusual shape fall back to the JDK's parsers; what neither accepts is reported to the caller.
 */
final class ByteCells {
    /** Returned by {@link #timestamp} for a value that is not a timestamp. */
    static final long NOT_A_TIMESTAMP = Long.MAX_VALUE;

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private ByteCells() {}

    static String text(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    /** The narrowest numeric type the cell fits (INT, LONG, DOUBLE), or TEXT. */
    static CellType numericType(byte[] b, int s, int e) {
        if (isInteger(b, s, e)) {
            long v = integer(b, s, e);
            return v == (int) v && v != Integer.MIN_VALUE ? CellType.INT : CellType.LONG;
        }
        return Double.isNaN(decimal(b, s, e)) && !isNaNText(b, s, e) ? CellType.TEXT : CellType.DOUBLE;
    }

    /** True for an optional sign and 1 to 18 digits (always fits a long). */
    static boolean isInteger(byte[] b, int s, int e) {
        int i = s;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        int digits = e - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of a cell for which {@link #isInteger} holds. */
    static long integer(byte[] b, int s, int e) {
        int i = s;
        boolean negative = b[i] == '-';
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        long v = 0;
        for (; i < e; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    /** The cell as a double, NaN when it is not a number (a literal "NaN" is NaN too: see {@link #isNaNText}). */
    static double decimal(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i == e && digits > 0 && digits <= 15 && fraction < POWERS_OF_TEN.length) {
            double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
            return negative ? -v : v;
        }
        return slowDecimal(b, s, e);
    }

    private static double slowDecimal(byte[] b, int s, int e) {
        String t = text(b, s, e).trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        char last = Character.toLowerCase(t.charAt(t.length() - 1));
        if (last == 'd' || last == 'f') {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    static boolean isNaNText(byte[] b, int s, int e) {
        return "nan".equalsIgnoreCase(text(b, s, e).trim());
    }

    /**
     * The cell as a Tablesaw packed date-time (millisecond precision), or {@link #NOT_A_TIMESTAMP}.
     * Reads {@code yyyy-MM-dd HH:mm:ss[.fraction]} and the ISO {@code T} separator.
     */
    static long timestamp(byte[] b, int s, int e) {
        int n = e - s;
        if (n >= 19
                && b[s + 4] == '-'
                && b[s + 7] == '-'
                && (b[s + 10] == ' ' || b[s + 10] == 'T')
                && b[s + 13] == ':'
                && b[s + 16] == ':'
                && (n == 19 || (n >= 21 && n <= 29 && b[s + 19] == '.'))) {
            int year = digits(b, s, 4);
            int month = twoDigits(b, s + 5);
            int day = twoDigits(b, s + 8);
            int hour = twoDigits(b, s + 11);
            int minute = twoDigits(b, s + 14);
            int second = twoDigits(b, s + 17);
            int millis = 0;
            boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour < 24;
            ok &= minute >= 0 && minute < 60 && second >= 0 && second < 60;
            if (n > 19) {
                int fractionDigits = Math.min(n - 20, 3);
                millis = digits(b, s + 20, fractionDigits);
                ok &= millis >= 0 && digits(b, s + 23, n - 23) >= 0;
                for (int k = fractionDigits; k < 3; k++) {
                    millis *= 10;
                }
            }
            if (ok && day <= lengthOfMonth(year, month)) {
                return ((long) PackedLocalDate.pack(year, month, day) << 32)
                        | (PackedLocalTime.of(hour, minute, second, millis) & 0xffffffffL);
            }
            return NOT_A_TIMESTAMP;
        }
        try {
            LocalDateTime t = TimestampText.parse(text(b, s, e));
            return tech.tablesaw.columns.datetimes.PackedLocalDateTime.pack(t);
        } catch (DateTimeParseException notATimestamp) {
            return NOT_A_TIMESTAMP;
        }
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return java.time.Year.isLeap(year) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The value of two decimal digits at {@code s}, or a negative number if one is not a digit. */
    private static int twoDigits(byte[] b, int s) {
        int hi = b[s] - '0';
        int lo = b[s + 1] - '0';
        return (hi | lo | (9 - hi) | (9 - lo)) < 0 ? -1 : hi * 10 + lo;
    }

    /** The value of {@code count} decimal digits at {@code s} (count <= 9), or -1 if one is not a digit. */
    private static int digits(byte[] b, int s, int count) {
        int v = 0;
        for (int i = s; i < s + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
