package dev.lathe.tracking.search;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.List;

/** A read position over the tokens of one input string, with errors that cite position and input. */
final class TokenCursor {
    private final List<Token> tokens;
    private final String input;
    private final String what;
    private int index;

    TokenCursor(String input, String what) {
        this.input = input;
        this.what = what;
        this.tokens = FilterLexer.tokenize(input, what);
    }

    Token peek() {
        return tokens.get(index);
    }

    Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.EOF) {
            index++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    /** How many of the tokens are {@code keyword} (any case), e.g. the ANDs that join a filter's clauses. */
    int countKeyword(String keyword) {
        return (int) tokens.stream().filter(t -> t.isKeyword(keyword)).count();
    }

    /** An error "{@code message} at position N in filter '...'" pointing at {@code at}. */
    LatheException error(Token at, String message) {
        return new InvalidParameterException(String.format(
                "%s at position %d in %s %s",
                message, at.position(), what, InputExcerpt.quote(input, at.position() - 1)));
    }
}
