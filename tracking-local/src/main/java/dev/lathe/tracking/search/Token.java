package dev.lathe.tracking.search;

/**
 * A lexical token of a search expression. {@code text} is the decoded content (quotes removed for
 * strings and backticked names), {@code raw} the source spelling, {@code start} its 0-based index and
 * {@code glued} whether it follows the previous token with no whitespace in between.
 */
record Token(Kind kind, String text, String raw, int start, boolean glued) {

    /** Token categories; keywords (AND, LIKE, IN, ...) are WORDs recognised by the parser. */
    enum Kind {
        WORD,
        STRING,
        BACKTICK,
        NUMBER,
        OP,
        LPAREN,
        RPAREN,
        COMMA,
        EOF
    }

    /** True for a WORD spelled {@code keyword}, ignoring case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** 1-based character position, as shown in error messages. */
    int position() {
        return start + 1;
    }

    /** How the token is quoted in error messages (a long one cut to its start). */
    String shown() {
        if (kind == Kind.EOF) {
            return "end of input";
        }
        return "'" + InputExcerpt.cut(raw) + "'";
    }
}
