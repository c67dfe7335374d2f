package dev.lathe.tracking.search;

import dev.lathe.core.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/** Splits a search filter or order-by string into {@link Token}s, reporting bad characters by position. */
final class FilterLexer {
    private final String input;
    private final String what;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean glued;

    private FilterLexer(String input, String what) {
        this.input = input;
        this.what = what;
    }

    /** Tokenises {@code input}; {@code what} names the input in errors, e.g. "filter" or "order_by clause". */
    static List<Token> tokenize(String input, String what) {
        FilterLexer lexer = new FilterLexer(input, what);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
                glued = false;
                continue;
            }
            int start = pos;
            if (c == '\'' || c == '"') {
                add(Token.Kind.STRING, readQuoted(c), start);
            } else if (c == '`') {
                add(Token.Kind.BACKTICK, readQuoted(c), start);
            } else if (c == '(') {
                pos++;
                add(Token.Kind.LPAREN, "(", start);
            } else if (c == ')') {
                pos++;
                add(Token.Kind.RPAREN, ")", start);
            } else if (c == ',') {
                pos++;
                add(Token.Kind.COMMA, ",", start);
            } else if (isOpChar(c)) {
                while (pos < input.length() && isOpChar(input.charAt(pos))) {
                    pos++;
                }
                add(Token.Kind.OP, input.substring(start, pos), start);
            } else if (startsNumber()) {
                readNumber();
                add(Token.Kind.NUMBER, input.substring(start, pos), start);
            } else if (isWordChar(c)) {
                while (pos < input.length() && isWordChar(input.charAt(pos))) {
                    pos++;
                }
                add(Token.Kind.WORD, input.substring(start, pos), start);
            } else {
                throw new InvalidParameterException(String.format(
                        "Unexpected character '%c' at position %d in %s %s",
                        c, start + 1, what, InputExcerpt.quote(input, start)));
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", "", input.length(), false));
    }

    private void add(Token.Kind kind, String text, int start) {
        tokens.add(new Token(kind, text, input.substring(start, pos), start, glued && !tokens.isEmpty()));
        glued = true;
    }

    private String readQuoted(char quote) {
        int start = pos;
        pos++;
        StringBuilder text = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == quote) {
                if (quote != '`' && pos + 1 < input.length() && input.charAt(pos + 1) == quote) {
                    text.append(quote); // SQL-style doubled quote inside a string
                    pos += 2;
                    continue;
                }
                pos++;
                return text.toString();
            }
            text.append(c);
            pos++;
        }
        throw new InvalidParameterException(String.format(
                "Unterminated %s starting at position %d in %s %s",
                quote == '`' ? "backticked name" : "string", start + 1, what, InputExcerpt.quote(input, start)));
    }

    private boolean startsNumber() {
        char c = input.charAt(pos);
        if (Character.isDigit(c)) {
            return true;
        }
        int next = pos + 1;
        if ((c == '-' || c == '+') && next < input.length()) {
            char d = input.charAt(next);
            return Character.isDigit(d) || (d == '.' && next + 1 < input.length() && isDigitAt(next + 1));
        }
        return c == '.' && isDigitAt(pos + 1) && !continuesName();
    }

    /** True when the next character is glued to a name part, as the '.5' in {@code `metrics`.5}. */
    private boolean continuesName() {
        if (!glued || tokens.isEmpty()) {
            return false;
        }
        Token.Kind last = tokens.get(tokens.size() - 1).kind();
        return last == Token.Kind.WORD || last == Token.Kind.STRING || last == Token.Kind.BACKTICK;
    }

    private boolean isDigitAt(int i) {
        return i < input.length() && Character.isDigit(input.charAt(i));
    }

    private void readNumber() {
        if (input.charAt(pos) == '-' || input.charAt(pos) == '+') {
            pos++;
        }
        while (isDigitAt(pos)) {
            pos++;
        }
        if (pos < input.length() && input.charAt(pos) == '.') {
            pos++;
            while (isDigitAt(pos)) {
                pos++;
            }
        }
        if (pos < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < input.length() && (input.charAt(pos) == '-' || input.charAt(pos) == '+')) {
                pos++;
            }
            if (!isDigitAt(pos)) {
                pos = save;
                return;
            }
            while (isDigitAt(pos)) {
                pos++;
            }
        }
    }

    private static boolean isOpChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
