package dev.lathe.tracking.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the identifier of a clause or order-by term: {@code prefix.key} where prefix and key may be
 * bare, quoted or backticked ({@code metrics.rmse}, {@code tags."my key"}, {@code metrics.`my key`}),
 * or a bare attribute key with no prefix. Resolves prefix aliases through the grammar.
 */
final class IdentifierParser {
    private IdentifierParser() {}

    /** The entity and raw key (aliases not yet resolved) of an identifier, plus its first token. */
    record Parsed(EntityType entity, String key, Token start) {}

    static Parsed parse(TokenCursor cursor, SearchGrammar grammar) {
        Token first = cursor.peek();
        if (!isNamePart(first) || isReservedWord(first)) {
            throw cursor.error(first, "Expected an identifier such as 'metrics.rmse' but found " + first.shown());
        }
        List<Token> parts = new ArrayList<>();
        parts.add(cursor.next());
        while (isNamePart(cursor.peek()) && cursor.peek().glued()) {
            parts.add(cursor.next());
        }
        String whole = spelled(parts);
        String prefix;
        List<Token> keyParts = new ArrayList<>();
        String keyHead = null;
        if (first.kind() == Token.Kind.WORD) {
            int dot = first.text().indexOf('.');
            if (dot < 0) {
                if (parts.size() > 1) {
                    throw cursor.error(first, "Invalid identifier " + whole + ", expected '<prefix>.<key>'");
                }
                return attribute(first.text(), first);
            }
            prefix = first.text().substring(0, dot);
            keyHead = first.text().substring(dot + 1);
        } else {
            if (parts.size() == 1) {
                return attribute(first.text(), first);
            }
            Token second = parts.get(1);
            if (second.kind() != Token.Kind.WORD || !second.text().startsWith(".")) {
                throw cursor.error(first, "Invalid identifier " + whole + ", expected '<prefix>.<key>'");
            }
            prefix = first.text();
            keyHead = second.text().substring(1);
            parts.remove(0);
        }
        keyParts.addAll(parts.subList(1, parts.size()));
        String key;
        if (keyHead.isEmpty() && keyParts.size() == 1 && keyParts.get(0).kind() != Token.Kind.WORD) {
            key = keyParts.get(0).text();
        } else if (!keyHead.isEmpty() && keyParts.isEmpty()) {
            key = keyHead;
        } else if (keyHead.isEmpty() && keyParts.isEmpty()) {
            throw cursor.error(first, "Missing key after prefix '" + InputExcerpt.cut(prefix) + ".'");
        } else {
            throw cursor.error(
                    first, "Invalid identifier " + whole + ": quote or backtick the whole key, e.g. metrics.`my key`");
        }
        EntityType entity = grammar.prefixes().get(prefix);
        if (entity == null) {
            throw cursor.error(
                    first,
                    "Invalid entity type '" + InputExcerpt.cut(prefix) + "'. Valid entity types are "
                            + grammar.shownPrefixes());
        }
        return new Parsed(entity, key, first);
    }

    private static Parsed attribute(String key, Token start) {
        return new Parsed(EntityType.ATTRIBUTE, key, start);
    }

    private static boolean isNamePart(Token t) {
        return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.BACKTICK;
    }

    private static boolean isReservedWord(Token t) {
        return t.kind() == Token.Kind.WORD
                && (t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT") || t.isKeyword("IN"));
    }

    private static String spelled(List<Token> parts) {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p.raw()));
        return "'" + InputExcerpt.cut(sb.toString()) + "'";
    }
}
