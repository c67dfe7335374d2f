package dev.lathe.evaluation.report.svg;

import java.util.Locale;

/** Escaping and number formatting shared by the SVG charts and the HTML/Markdown reports. */
public final class Markup {
    private Markup() {}

    /**
     * Escapes text for HTML and SVG element content and attribute values: {@code & < > " '} become
     * entities, and control characters other than tab and newline are dropped. Null becomes "".
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A coordinate with two decimals, locale-independent. */
    public static String coord(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A metric value with four significant digits (plain notation for ordinary magnitudes). */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-4)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        if (v == Math.rint(v) && a < 1e7) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        int decimals = a >= 100 ? 2 : a >= 1 ? 4 : 5;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A short label for a chart mark: about three significant digits. */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e6 || (a > 0 && a < 1e-3)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A p-value: four significant digits, or "< 1e-16" below double precision's resolution near 1. */
    public static String pValue(double p) {
        return p < 1e-16 ? "< 1e-16" : number(p);
    }

    /** Shortens {@code text} to at most {@code max} characters with an ellipsis (before escaping). */
    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
