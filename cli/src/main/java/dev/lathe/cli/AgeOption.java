package dev.lathe.cli;

import dev.lathe.core.LatheException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses ages such as {@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h} or {@code 1d} as command-line durations. */
final class AgeOption {
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})(ms|[smhd])");

    private AgeOption() {}

    /** The duration {@code text} names; {@code option} names the option in errors. */
    static Duration parse(String option, String text) {
        Matcher m = AGE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        LatheException.check(
                m.matches(), "%s must be a number followed by ms, s, m, h or d (e.g. 30m), got '%s'", option, text);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
