package dev.lathe.tracking.search;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses MLflow order-by clauses ({@code metrics.rmse DESC}, {@code params.x},
 * {@code attributes.start_time ASC}, {@code `metrics`.`my key` desc}) against a {@link SearchGrammar}.
 */
public final class OrderByParser {
    private final SearchGrammar grammar;

    public OrderByParser(SearchGrammar grammar) {
        this.grammar = grammar;
    }

    /** Parses every clause of {@code orderBy} (null means none) and rejects duplicate fields. */
    public List<OrderTerm> parseAll(List<String> orderBy) {
        if (orderBy == null) {
            return List.of();
        }
        if (orderBy.size() > SearchLimits.MAX_ORDER_TERMS) {
            throw new InvalidParameterException(String.format(
                    "order_by may have at most %d clauses, got %d", SearchLimits.MAX_ORDER_TERMS, orderBy.size()));
        }
        List<OrderTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String clause : orderBy) {
            OrderTerm term = parse(clause);
            if (!seen.add(term.entity() + "\u0000" + term.key())) {
                throw new InvalidParameterException(String.format(
                        "order_by must not contain duplicate fields, got %s %s twice in %s",
                        term.entity().label(),
                        InputExcerpt.cut(term.key()),
                        orderBy.stream().map(InputExcerpt::cut).toList()));
            }
            terms.add(term);
        }
        return List.copyOf(terms);
    }

    /** Parses one order-by clause. */
    public OrderTerm parse(String clause) {
        LatheException.check(
                clause != null && !clause.isBlank(), "order_by clause must not be empty, got '%s'", clause);
        TokenCursor cursor = new TokenCursor(clause, "order_by clause");
        IdentifierParser.Parsed id = IdentifierParser.parse(cursor, grammar);
        if (!grammar.orderEntities().contains(id.entity())) {
            throw cursor.error(
                    id.start(),
                    "Cannot order " + grammar.subject() + " by a " + id.entity().label() + " key");
        }
        String key = id.key();
        if (id.entity() == EntityType.ATTRIBUTE) {
            key = grammar.orderAttributes().get(id.key());
            if (key == null) {
                throw cursor.error(
                        id.start(),
                        "Invalid attribute key '" + InputExcerpt.cut(id.key()) + "' specified. Valid keys are "
                                + grammar.orderAttributes().keySet());
            }
        }
        boolean ascending = true;
        Token t = cursor.next();
        if (t.isKeyword("ASC") || t.isKeyword("DESC")) {
            ascending = t.isKeyword("ASC");
            t = cursor.next();
        } else if (t.kind() == Token.Kind.WORD) {
            throw cursor.error(t, "Invalid ordering " + t.shown() + ", expected ASC or DESC");
        }
        if (t.kind() != Token.Kind.EOF) {
            throw cursor.error(t, "Expected ASC, DESC or end of clause but found " + t.shown());
        }
        return new OrderTerm(id.entity(), key, ascending);
    }
}
