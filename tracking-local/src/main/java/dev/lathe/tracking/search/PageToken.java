package dev.lathe.tracking.search;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opaque paging tokens as MLflow makes them: base64 of the JSON {@code {"offset": N}}. Callers must
 * treat the token as opaque; only this class reads it.
 */
public final class PageToken {
    private static final Pattern JSON = Pattern.compile("\\s*\\{\\s*\"offset\"\\s*:\\s*\"?(\\d{1,10})\"?\\s*}\\s*");

    private PageToken() {}

    /** The token that resumes a search at row {@code offset} (offset must be > 0). */
    public static String encode(int offset) {
        LatheException.check(offset > 0, "page token offset must be > 0, got %d", offset);
        String json = "{\"offset\": " + offset + "}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The row offset a token resumes at; null or empty means the first page (offset 0). */
    public static int decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("Invalid page token '" + token + "': could not base64-decode it", e);
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = JSON.matcher(json);
        if (!m.matches()) {
            throw new InvalidParameterException(
                    "Invalid page token '" + token + "': expected {\"offset\": N} inside, decoded '" + json + "'");
        }
        long offset = Long.parseLong(m.group(1));
        if (offset <= 0 || offset > Integer.MAX_VALUE) {
            throw new InvalidParameterException("Invalid page token '" + token + "': offset must be in 1.."
                    + Integer.MAX_VALUE + ", got " + offset);
        }
        return (int) offset;
    }
}
