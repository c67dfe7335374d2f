package dev.lathe.tracking.sqlite;

import java.util.List;

/**
 * Ids as one JSON array bound to a single parameter and read back with {@code json_each}, so one
 * statement loads any number of rows and stays clear of SQLite's bound-parameter limit.
 */
final class JsonArrays {
    /** {@code key IN} this selects the strings of a {@link #strings} array. */
    static final String EACH = "(SELECT value FROM json_each(?))";

    /** {@code (name, version) IN} this selects the pairs of a {@link #pairs} array. */
    static final String EACH_PAIR =
            "(SELECT json_extract(value, '$[0]'), CAST(json_extract(value, '$[1]') AS INTEGER) FROM json_each(?))";

    private JsonArrays() {}

    /** The strings as a JSON array. */
    static String strings(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, v);
        }
        return sb.append(']').toString();
    }

    /** The (name, number) pairs as a JSON array of two-element arrays. */
    static String pairs(List<RegistryDao.VersionKey> keys) {
        StringBuilder sb = new StringBuilder("[");
        for (RegistryDao.VersionKey k : keys) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('[');
            quote(sb, k.name());
            sb.append(',').append(k.version()).append(']');
        }
        return sb.append(']').toString();
    }

    private static void quote(StringBuilder sb, String v) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        sb.append('"');
    }
}
