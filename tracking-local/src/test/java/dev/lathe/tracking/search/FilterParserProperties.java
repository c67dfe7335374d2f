package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The filter and order-by parsers of all four grammars on arbitrary and grammar-shaped text: each
 * input gives clauses or an {@link InvalidParameterException} with a short message, never another
 * exception, within seconds. Seeds and tries come from {@code FuzzSettings} (CI: fixed).
 */
class FilterParserProperties {
    private static final List<SearchGrammar> GRAMMARS = List.of(
            SearchGrammar.runs(), SearchGrammar.experiments(), SearchGrammar.registeredModels(), SearchGrammar.modelVersions());

    /** Longest error message any input may produce: an excerpt, a token, a list of valid keys. */
    static final int MAX_MESSAGE = 1_000;

    @Provide
    Arbitrary<String> anyText() {
        return FilterStrings.anyText();
    }

    @Provide
    Arbitrary<String> grammarCharacters() {
        return FilterStrings.grammarCharacters();
    }

    @Provide
    Arbitrary<String> grammarShaped() {
        return FilterStrings.grammarShaped();
    }

    @Provide
    Arbitrary<String> orderByShaped() {
        return FilterStrings.orderByShaped();
    }

    @Provide
    Arbitrary<String> longInputs() {
        return FilterStrings.longInputs();
    }

    /** Runs {@code parse}: a result, or an InvalidParameterException with a short message; nothing else. */
    static void resultOrInvalidParameter(String what, Supplier<?> parse) {
        try {
            parse.get();
        } catch (InvalidParameterException e) {
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank(), "a message for " + what);
            assertTrue(
                    message.length() <= MAX_MESSAGE,
                    "a short message (" + message.length() + " characters) for " + what + ": "
                            + message.substring(0, Math.min(300, message.length())));
        }
    }

    /** Runs {@code checks} in at most a few seconds (an endless loop in a parser fails the try). */
    static void withoutHanging(String what, Runnable checks) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), checks::run, () -> "hang on " + what);
    }

    private static void everyGrammar(String filter) {
        withoutHanging(cut(filter), () -> {
            for (SearchGrammar grammar : GRAMMARS) {
                resultOrInvalidParameter(
                        grammar.subject() + " filter " + cut(filter), () -> FilterParser.parse(grammar, filter));
                resultOrInvalidParameter(
                        grammar.subject() + " order_by " + cut(filter), () -> new OrderByParser(grammar).parse(filter));
            }
        });
    }

    static String cut(String s) {
        return s.length() <= 200 ? "'" + s + "'" : "'" + s.substring(0, 200) + "...' (" + s.length() + " characters)";
    }

    @Property(tries = 500)
    void anyTextParsesOrIsAnInvalidParameter(@ForAll("anyText") String filter) {
        everyGrammar(filter);
    }

    @Property(tries = 500)
    void grammarCharactersParseOrAreAnInvalidParameter(@ForAll("grammarCharacters") String filter) {
        everyGrammar(filter);
    }

    @Property(tries = 1_000)
    void grammarShapedFiltersParseOrAreAnInvalidParameter(@ForAll("grammarShaped") String filter) {
        everyGrammar(filter);
    }

    @Property(tries = 500)
    void orderByClausesParseOrAreAnInvalidParameter(@ForAll("orderByShaped") String clause, @ForAll("orderByShaped") String other) {
        withoutHanging(cut(clause) + ", " + cut(other), () -> {
            for (SearchGrammar grammar : GRAMMARS) {
                resultOrInvalidParameter(
                        grammar.subject() + " order_by " + cut(clause) + ", " + cut(other),
                        () -> new OrderByParser(grammar).parseAll(List.of(clause, other)));
            }
        });
    }

    @Property(tries = 20)
    void longInputsAreLimitedWithShortErrors(@ForAll("longInputs") String filter) {
        everyGrammar(filter);
    }
}
