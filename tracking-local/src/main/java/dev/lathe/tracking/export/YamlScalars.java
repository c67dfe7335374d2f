package dev.lathe.tracking.export;

import java.util.regex.Pattern;

/**
 * Writes YAML scalars as PyYAML's {@code safe_dump} does for MLflow's meta.yaml files: plain when the
 * text cannot be read back as another type, otherwise single-quoted ({@code experiment_id: '0'}).
 */
public final class YamlScalars {
    private static final Pattern RESOLVES_TO_OTHER_TYPE =
            Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+"
                    + "|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False"
                    + "|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|=|<<"
                    + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$");
    private static final String SPECIAL_START = "-?:,[]{}#&*!|>'\"%@`";

    private YamlScalars() {}

    public static String string(String s) {
        if (s == null) {
            return "null";
        }
        return needsQuotes(s) ? "'" + s.replace("'", "''") + "'" : s;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || RESOLVES_TO_OTHER_TYPE.matcher(s).matches()) {
            return true;
        }
        if (SPECIAL_START.indexOf(s.charAt(0)) >= 0 || Character.isWhitespace(s.charAt(0))) {
            return true;
        }
        if (Character.isWhitespace(s.charAt(s.length() - 1))) {
            return true;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
