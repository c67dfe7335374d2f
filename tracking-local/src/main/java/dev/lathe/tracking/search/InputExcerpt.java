package dev.lathe.tracking.search;

/**
 * The part of a search input an error quotes: the whole input when short, else the neighbourhood of
 * the error's position with the input's length, so that an error never repeats a huge filter.
 */
final class InputExcerpt {
    /** Inputs up to this many characters are quoted whole. */
    static final int WHOLE = 160;

    /** Characters quoted on each side of the position in a longer input. */
    static final int AROUND = 60;

    private InputExcerpt() {}

    /** {@code name} as errors show it: whole when short, else its start and its length. */
    static String cut(String name) {
        return name.length() <= AROUND ? name : name.substring(0, AROUND) + "... (" + name.length() + " characters)";
    }

    /** {@code 'input'}, or {@code '...near index...' (N characters)} for a long input. */
    static String quote(String input, int index) {
        if (input.length() <= WHOLE) {
            return "'" + input + "'";
        }
        int at = Math.max(0, Math.min(index, input.length()));
        int from = Math.max(0, at - AROUND);
        int to = Math.min(input.length(), at + AROUND);
        return "'" + (from > 0 ? "..." : "") + input.substring(from, to) + (to < input.length() ? "..." : "") + "' ("
                + input.length() + " characters)";
    }
}
