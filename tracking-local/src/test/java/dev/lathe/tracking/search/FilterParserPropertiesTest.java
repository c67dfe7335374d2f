package dev.lathe.tracking.search;

import static dev.lathe.tracking.search.SearchOutcomes.cut;
import static dev.lathe.tracking.search.SearchOutcomes.resultOrInvalidParameter;
import static dev.lathe.tracking.search.SearchOutcomes.withoutHanging;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The filter and order-by parsers of all four grammars on arbitrary and grammar-shaped text: each
 * input gives clauses or an {@code InvalidParameterException} with a short message, never another
 * exception, within seconds. Seeds and tries come from {@code FuzzSettings} (CI: fixed).
 */
class FilterParserPropertiesTest {
    private static final List<SearchGrammar> GRAMMARS = List.of(
            SearchGrammar.runs(),
            SearchGrammar.experiments(),
            SearchGrammar.registeredModels(),
            SearchGrammar.modelVersions());

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
    void orderByClausesParseOrAreAnInvalidParameter(
            @ForAll("orderByShaped") String clause, @ForAll("orderByShaped") String other) {
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
