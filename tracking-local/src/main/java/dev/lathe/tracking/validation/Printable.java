package dev.lathe.tracking.validation;

/** Shows a user's value in an error message: control characters (NUL included) as {@code \\uXXXX}, long values cut. */
public final class Printable {
    private static final int MAX_SHOWN = 250;

    private Printable() {}

    public static String of(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8);
        for (int i = 0; i < s.length() && i < MAX_SHOWN; i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch)) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        if (s.length() > MAX_SHOWN) {
            out.append("...");
        }
        return out.toString();
    }
}
