package dev.lathe.core.io;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The one text form of timestamps Lathe reads (CSV columns, text cells of a recipe's time columns):
 * {@code yyyy-MM-dd HH:mm:ss}, an optional fraction, and the ISO {@code T} separator.
 */
public final class TimestampText {
    /** Accepts "2023-01-01 00:26:10", optional fraction, and the ISO 'T' separator. */
    public static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    /** What a malformed value is told it should look like. */
    public static final String EXPECTED = "yyyy-MM-dd HH:mm:ss";

    private TimestampText() {}

    /** Parses {@code text} (trimmed); throws {@link java.time.format.DateTimeParseException} when malformed. */
    public static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text.trim(), FORMAT);
    }
}
