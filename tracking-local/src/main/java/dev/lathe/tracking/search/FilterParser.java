package dev.lathe.tracking.search;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses an MLflow search filter ({@code metrics.rmse < 5 AND params.model = 'ridge'}) into typed
 * {@link FilterClause}s, validating prefixes, keys, comparators and value types against a
 * {@link SearchGrammar}. Clauses are joined by AND only; errors name the position and offending token.
 */
public final class FilterParser {
    private final SearchGrammar grammar;

    public FilterParser(SearchGrammar grammar) {
        this.grammar = grammar;
    }

    /** Parses {@code filter}; a null or blank filter yields no clauses. */
    public List<FilterClause> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        if (filter.length() > SearchLimits.MAX_FILTER_LENGTH) {
            throw new InvalidParameterException(String.format(
                    "A filter may be at most %d characters long, got %d",
                    SearchLimits.MAX_FILTER_LENGTH, filter.length()));
        }
        TokenCursor cursor = new TokenCursor(filter, "filter");
        int joined = cursor.countKeyword("AND") + 1;
        if (joined > SearchLimits.MAX_CLAUSES) {
            throw new InvalidParameterException(String.format(
                    "A filter may have at most %d clauses joined by AND, got %d", SearchLimits.MAX_CLAUSES, joined));
        }
        List<FilterClause> clauses = new ArrayList<>();
        while (true) {
            clauses.add(clause(cursor));
            Token t = cursor.next();
            if (t.kind() == Token.Kind.EOF) {
                checkListValues(clauses);
                return List.copyOf(clauses);
            }
            if (t.isKeyword("OR")) {
                throw cursor.error(t, "OR is not supported, join clauses with AND; found 'OR'");
            }
            if (!t.isKeyword("AND")) {
                throw cursor.error(t, "Expected AND or end of filter but found " + t.shown());
            }
        }
    }

    private FilterClause clause(TokenCursor cursor) {
        IdentifierParser.Parsed id = IdentifierParser.parse(cursor, grammar);
        String key = id.key();
        ValueKind kind;
        Set<CompareOp> allowed;
        String described;
        switch (id.entity()) {
            case ATTRIBUTE -> {
                AttributeSpec spec = grammar.filterAttributes().get(key);
                if (spec == null) {
                    throw cursor.error(
                            id.start(),
                            "Invalid attribute key '" + InputExcerpt.cut(key) + "' specified. Valid keys are "
                                    + grammar.filterAttributes().keySet());
                }
                key = spec.name();
                kind = spec.kind();
                allowed = spec.ops();
                described = "attribute '" + key + "'";
            }
            case DATASET -> {
                if (!grammar.datasetKeys().contains(key)) {
                    throw cursor.error(
                            id.start(),
                            "Invalid dataset key '" + InputExcerpt.cut(key) + "' specified. Valid keys are "
                                    + grammar.datasetKeys());
                }
                kind = grammar.entityKinds().get(EntityType.DATASET);
                allowed = grammar.entityOps().get(EntityType.DATASET);
                described = "dataset key '" + key + "'";
            }
            default -> {
                kind = grammar.entityKinds().get(id.entity());
                allowed = grammar.entityOps().get(id.entity());
                described = id.entity().label() + " '" + InputExcerpt.cut(key) + "'";
            }
        }
        Token opToken = cursor.peek();
        CompareOp op = comparator(cursor);
        if (!allowed.contains(op)
                && id.entity() == EntityType.ATTRIBUTE
                && kind == ValueKind.STRING
                && (op == CompareOp.IN || op == CompareOp.NOT_IN)) {
            throw cursor.error(
                    opToken, "Only the 'run_id' attribute supports comparison with a list of quoted string values");
        }
        if (!allowed.contains(op)) {
            throw cursor.error(
                    opToken,
                    "Comparator '" + op.symbol() + "' is not allowed for " + described + ", allowed are "
                            + sorted(allowed));
        }
        FilterValue value = value(cursor, op, kind, described);
        return new FilterClause(id.entity(), key, op, value);
    }

    private static CompareOp comparator(TokenCursor cursor) {
        Token t = cursor.next();
        if (t.kind() == Token.Kind.OP) {
            CompareOp op = CompareOp.ofSymbol(t.text());
            if (op == null) {
                throw cursor.error(t, "Invalid comparator '" + t.text() + "'");
            }
            return op;
        }
        if (t.isKeyword("LIKE")) {
            return CompareOp.LIKE;
        }
        if (t.isKeyword("ILIKE")) {
            return CompareOp.ILIKE;
        }
        if (t.isKeyword("IN")) {
            return CompareOp.IN;
        }
        if (t.isKeyword("NOT")) {
            Token in = cursor.next();
            if (!in.isKeyword("IN")) {
                throw cursor.error(in, "Expected IN after NOT but found " + in.shown());
            }
            return CompareOp.NOT_IN;
        }
        if (t.isKeyword("IS")) {
            Token next = cursor.next();
            boolean not = next.isKeyword("NOT");
            Token nul = not ? cursor.next() : next;
            if (!nul.isKeyword("NULL")) {
                throw cursor.error(nul, "Expected NULL after " + (not ? "IS NOT" : "IS") + " but found " + nul.shown());
            }
            return not ? CompareOp.IS_NOT_NULL : CompareOp.IS_NULL;
        }
        throw cursor.error(
                t,
                "Expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL) but found " + t.shown());
    }

    private static FilterValue value(TokenCursor cursor, CompareOp op, ValueKind kind, String described) {
        switch (op) {
            case IS_NULL, IS_NOT_NULL -> {
                return new FilterValue.None();
            }
            case IN, NOT_IN -> {
                return list(cursor, described);
            }
            case LIKE, ILIKE -> {
                return text(cursor, described);
            }
            default -> {
                return kind == ValueKind.NUMERIC ? number(cursor, described) : text(cursor, described);
            }
        }
    }

    private static FilterValue.Text text(TokenCursor cursor, String described) {
        Token t = cursor.next();
        if (t.kind() != Token.Kind.STRING) {
            throw cursor.error(
                    t, "Expected a quoted string value (e.g. 'my-value') for " + described + " but found " + t.shown());
        }
        return new FilterValue.Text(t.text());
    }

    private static FilterValue.Number number(TokenCursor cursor, String described) {
        Token t = cursor.next();
        if (t.kind() != Token.Kind.NUMBER) {
            throw cursor.error(t, "Expected a numeric value for " + described + " but found " + t.shown());
        }
        return new FilterValue.Number(t.text());
    }

    private static FilterValue.TextList list(TokenCursor cursor, String described) {
        Token open = cursor.next();
        if (open.kind() != Token.Kind.LPAREN) {
            throw cursor.error(
                    open,
                    "Expected a parenthesised list such as ('a', 'b') for " + described + " but found " + open.shown());
        }
        List<String> values = new ArrayList<>();
        if (cursor.peek().kind() == Token.Kind.RPAREN) {
            throw cursor.error(cursor.peek(), "Expected a non-empty list of quoted strings for " + described);
        }
        while (true) {
            Token item = cursor.next();
            if (item.kind() != Token.Kind.STRING) {
                throw cursor.error(
                        item, "Expected a quoted string in the list for " + described + " but found " + item.shown());
            }
            values.add(item.text());
            Token sep = cursor.next();
            if (sep.kind() == Token.Kind.RPAREN) {
                return new FilterValue.TextList(values);
            }
            if (sep.kind() != Token.Kind.COMMA) {
                throw cursor.error(
                        sep, "Expected ',' or ')' in the list for " + described + " but found " + sep.shown());
            }
        }
    }

    private static void checkListValues(List<FilterClause> clauses) {
        int values = 0;
        for (FilterClause clause : clauses) {
            if (clause.value() instanceof FilterValue.TextList list) {
                values += list.values().size();
            }
        }
        if (values > SearchLimits.MAX_LIST_VALUES) {
            throw new InvalidParameterException(String.format(
                    "A filter's lists may hold at most %d values in all, got %d",
                    SearchLimits.MAX_LIST_VALUES, values));
        }
    }

    private static List<String> sorted(Set<CompareOp> ops) {
        return ops.stream().sorted().map(CompareOp::symbol).toList();
    }

    /** Convenience: parses {@code filter} with {@code grammar}. */
    public static List<FilterClause> parse(SearchGrammar grammar, String filter) {
        LatheException.check(grammar != null, "grammar must not be null");
        return new FilterParser(grammar).parse(filter);
    }
}
