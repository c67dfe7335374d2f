package dev.lathe.tracking.export;

import java.util.regex.Pattern;

/**
 * Writes YAML scalars as PyYAML's {@code safe_dump} does for MLflow's meta.yaml files, so every string
 * reads back unchanged: plain when the text cannot be read back as another type, single-quoted when it
 * could ({@code experiment_id: '0'}) or has line breaks (each break doubled, as YAML folds a single one
 * into a space), double-quoted with escapes when it holds characters single quotes cannot keep (tabs,
 * carriage returns, control characters, spaces next to a line break). The choice follows PyYAML's
 * {@code Emitter.analyze_scalar} and {@code choose_scalar_style} (yaml/emitter.py); long lines are not
 * folded at 80 columns as PyYAML does, which reads back the same; exponents without a dot
 * ({@code 1e-05}) are quoted although PyYAML reads them as text, since other YAML readers take them as
 * numbers.
 */
public final class YamlScalars {
    private static final Pattern RESOLVES_TO_OTHER_TYPE =
            Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+"
                    + "|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False"
                    + "|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|=|<<"
                    + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$");
    private static final String SPECIAL_START = "-?:,[]{}#&*!|>'\"%@`";
    private static final String BREAKS = "\n\u0085\u2028\u2029";

    private YamlScalars() {}

    /** The scalar as the value of a top-level key (continuation lines indented by two spaces). */
    public static String string(String s) {
        return string(s, 2);
    }

    /** The scalar as a value whose continuation lines are indented by {@code indent} spaces. */
    public static String string(String s, int indent) {
        if (s == null) {
            return "null";
        }
        if (needsDoubleQuotes(s)) {
            return doubleQuoted(s);
        }
        return needsQuotes(s) ? singleQuoted(s, " ".repeat(indent)) : s;
    }

    /**
     * PyYAML's {@code special_characters}, {@code space_break} and {@code break_space}: characters that
     * are not printable, or a space next to a line break, which single quotes would lose; and the
     * breaks other than {@code \n}, which a reader folds into {@code \n} or a space (PyYAML's
     * {@code scan_line_break}), so they are escaped too.
     */
    private static boolean needsDoubleQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean printable = c == '\n'
                    || (c >= 0x20 && c <= 0x7e)
                    || c == 0x85
                    || (c >= 0xa0 && c <= 0xd7ff)
                    || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)
                    || Character.isSurrogate(c);
            if (!printable || (c != '\n' && BREAKS.indexOf(c) >= 0)) {
                return true;
            }
            if (BREAKS.indexOf(c) >= 0 && i > 0 && s.charAt(i - 1) == ' ') {
                return true;
            }
            if (c == ' ' && i > 0 && BREAKS.indexOf(s.charAt(i - 1)) >= 0) {
                return true;
            }
        }
        return false;
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
            if (BREAKS.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** PyYAML's {@code write_single_quoted}: quotes doubled, a run of n breaks written as n+1 line ends. */
    private static String singleQuoted(String s, String indent) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('\'');
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (BREAKS.indexOf(c) >= 0) {
                int end = i;
                while (end < s.length() && BREAKS.indexOf(s.charAt(end)) >= 0) {
                    end++;
                }
                if (c == '\n') {
                    b.append('\n');
                }
                b.append(s, i, end);
                b.append(indent);
                i = end;
            } else {
                b.append(c == '\'' ? "''" : String.valueOf(c));
                i++;
            }
        }
        return b.append('\'').toString();
    }

    /** PyYAML's {@code write_double_quoted} escapes (yaml/emitter.py, {@code ESCAPE_REPLACEMENTS}). */
    private static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\0' -> b.append("\\0");
                case 0x07 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case 0x0b -> b.append("\\v");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                case 0x1b -> b.append("\\e");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 0x85 -> b.append("\\N");
                case 0xa0 -> b.append("\\_");
                case 0x2028 -> b.append("\\L");
                case 0x2029 -> b.append("\\P");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfeff) {
                        b.append(c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
