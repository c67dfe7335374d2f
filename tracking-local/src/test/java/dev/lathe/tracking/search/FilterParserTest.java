package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The run filter grammar: prefixes and aliases, comparators, quoting, value types and every error. */
class FilterParserTest {
    private static final FilterParser RUNS = new FilterParser(SearchGrammar.runs());

    private static FilterClause one(String filter) {
        List<FilterClause> clauses = RUNS.parse(filter);
        assertEquals(1, clauses.size(), filter);
        return clauses.get(0);
    }

    private static String error(String filter) {
        return assertThrows(LatheException.class, () -> RUNS.parse(filter)).getMessage();
    }

    @Test
    void blankOrNullFilterHasNoClauses() {
        assertEquals(List.of(), RUNS.parse(null));
        assertEquals(List.of(), RUNS.parse("   "));
    }

    @ParameterizedTest
    @CsvSource({
        "metric, METRIC",
        "metrics, METRIC",
        "param, PARAM",
        "params, PARAM",
        "parameter, PARAM",
        "parameters, PARAM",
        "tag, TAG",
        "tags, TAG",
    })
    void everyPrefixAliasResolves(String prefix, EntityType expected) {
        String value = expected == EntityType.METRIC ? "1" : "'v'";
        FilterClause c = one(prefix + ".k = " + value);
        assertEquals(expected, c.entity());
        assertEquals("k", c.key());
    }

    @ParameterizedTest
    @CsvSource({"attribute", "attributes", "attr", "run"})
    void attributePrefixAliases(String prefix) {
        assertEquals(
                new FilterClause(EntityType.ATTRIBUTE, "status", CompareOp.EQ, new FilterValue.Text("FINISHED")),
                one(prefix + ".status = 'FINISHED'"));
    }

    @ParameterizedTest
    @CsvSource({"dataset", "datasets"})
    void datasetPrefixAliases(String prefix) {
        assertEquals(
                new FilterClause(EntityType.DATASET, "digest", CompareOp.EQ, new FilterValue.Text("abc")),
                one(prefix + ".digest = 'abc'"));
    }

    @ParameterizedTest
    @CsvSource({"=, EQ", "!=, NE", "<, LT", "<=, LE", ">, GT", ">=, GE"})
    void everyNumericComparator(String symbol, CompareOp op) {
        assertEquals(
                new FilterClause(EntityType.METRIC, "rmse", op, new FilterValue.Number("2.5")),
                one("metrics.rmse " + symbol + " 2.5"));
        assertEquals(op, one("metrics.rmse" + symbol + "-3").op());
    }

    @Test
    void stringComparatorsAreCaseInsensitiveKeywords() {
        assertEquals(CompareOp.LIKE, one("params.m like 'a%'").op());
        assertEquals(CompareOp.ILIKE, one("params.m ILike 'a%'").op());
        assertEquals(CompareOp.IS_NULL, one("params.m is null").op());
        assertEquals(CompareOp.IS_NOT_NULL, one("tags.m IS NOT NULL").op());
        assertEquals(new FilterValue.None(), one("tags.m IS NOT NULL").value());
        assertEquals(
                new FilterValue.TextList(List.of("a", "b")),
                one("attributes.run_id in ('a', \"b\")").value());
        assertEquals(CompareOp.NOT_IN, one("datasets.name not in ('a')").op());
    }

    @Test
    void quotedAndBacktickedKeys() {
        assertEquals("my key", one("metrics.`my key` > 1").key());
        assertEquals("my key", one("metrics.\"my key\" > 1").key());
        assertEquals("my key", one("metrics.'my key' > 1").key());
        assertEquals("val-loss", one("`metrics`.`val-loss` < 1").key());
        assertEquals("a.b", one("params.a.b = 'x'").key());
        assertEquals(EntityType.METRIC, one("`metrics`.rmse < 1").entity());
    }

    @Test
    void stringValuesAcceptBothQuotesAndDoubledQuotes() {
        assertEquals(new FilterValue.Text("it's"), one("tags.t = 'it''s'").value());
        assertEquals(new FilterValue.Text("a b"), one("tags.t = \"a b\"").value());
        assertEquals(new FilterValue.Text(""), one("tags.t = ''").value());
    }

    @Test
    void attributeAliasesResolveToCanonicalKeys() {
        assertEquals("start_time", one("created > 5").key());
        assertEquals("start_time", one("attributes.Created > 5").key());
        assertEquals("run_name", one("attributes.\"Run Name\" = 'x'").key());
        assertEquals("run_name", one("`run name` = 'x'").key());
        assertEquals(
                new FilterValue.Number("1700000000000"),
                one("end_time <= 1700000000000").value());
        assertEquals(
                1_700_000_000_000L,
                ((FilterValue.Number) one("end_time <= 1700000000000").value()).binding());
        assertEquals(2.5e-3, ((FilterValue.Number) one("metrics.x > 2.5e-3").value()).binding());
    }

    @Test
    void numericLiteralForms() {
        assertEquals(new FilterValue.Number(".5"), one("metrics.x=.5").value());
        assertEquals(0.5, ((FilterValue.Number) one("metrics.x=.5").value()).binding());
        assertEquals(1L, ((FilterValue.Number) one("metrics.x > +1").value()).binding());
        assertEquals(-2L, ((FilterValue.Number) one("metrics.x>-2").value()).binding());
        assertEquals(-1.5e10, ((FilterValue.Number) one("metrics.x < -1.5E10").value()).binding());
        assertEquals("5", one("`metrics`.5 > 1").key());
    }

    @Test
    void severalClausesJoinedByAnd() {
        List<FilterClause> clauses = RUNS.parse("metrics.a > 1 AND params.b = 'x' and tags.c IS NULL");
        assertEquals(3, clauses.size());
        assertEquals(
                List.of(EntityType.METRIC, EntityType.PARAM, EntityType.TAG),
                clauses.stream().map(FilterClause::entity).toList());
    }

    @Test
    void invalidComparatorNamesPositionAndToken() {
        assertEquals(
                "Invalid comparator '=>' at position 14 in filter 'metrics.rmse => 2'", error("metrics.rmse => 2"));
        assertEquals("Invalid comparator '<>' at position 10 in filter 'params.x <> 'a''", error("params.x <> 'a'"));
    }

    @Test
    void orIsRejected() {
        assertEquals(
                "OR is not supported, join clauses with AND; found 'OR' at position 15 in filter"
                        + " 'metrics.a > 1 OR metrics.b > 2'",
                error("metrics.a > 1 OR metrics.b > 2"));
    }

    @Test
    void comparatorNotAllowedForEntity() {
        assertEquals(
                "Comparator 'LIKE' is not allowed for metric 'rmse', allowed are [=, !=, <, <=, >, >=]"
                        + " at position 14 in filter 'metrics.rmse LIKE '1''",
                error("metrics.rmse LIKE '1'"));
        assertEquals(
                "Comparator '>' is not allowed for param 'alpha', allowed are [=, !=, LIKE, ILIKE, IS NULL,"
                        + " IS NOT NULL] at position 14 in filter 'params.alpha > '1''",
                error("params.alpha > '1'"));
        assertEquals(
                "Only the 'run_id' attribute supports comparison with a list of quoted string values"
                        + " at position 8 in filter 'status IN ('A')'",
                error("status IN ('A')"));
        assertEquals(
                "Comparator 'IS NULL' is not allowed for metric 'm', allowed are [=, !=, <, <=, >, >=]"
                        + " at position 11 in filter 'metrics.m IS NULL'",
                error("metrics.m IS NULL"));
        assertEquals(
                "Comparator 'LIKE' is not allowed for attribute 'start_time', allowed are [=, !=, <, <=, >, >=]"
                        + " at position 9 in filter 'created LIKE '1''",
                error("created LIKE '1'"));
    }

    @Test
    void wrongValueTypes() {
        assertEquals(
                "Expected a numeric value for metric 'rmse' but found ''2'' at position 16 in filter"
                        + " 'metrics.rmse > '2''",
                error("metrics.rmse > '2'"));
        assertEquals(
                "Expected a quoted string value (e.g. 'my-value') for param 'x' but found 'abc' at position 12"
                        + " in filter 'params.x = abc'",
                error("params.x = abc"));
        assertEquals(
                "Expected a quoted string value (e.g. 'my-value') for tag 'x' but found '5' at position 10"
                        + " in filter 'tags.x = 5'",
                error("tags.x = 5"));
        assertEquals(
                "Expected a numeric value for attribute 'start_time' but found ''1'' at position 14 in filter"
                        + " 'start_time > '1''",
                error("start_time > '1'"));
    }

    @Test
    void badKeysAndPrefixes() {
        assertEquals(
                "Invalid entity type 'metricz'. Valid entity types are [metric, parameter, tag, attribute, dataset]"
                        + " at position 1 in filter 'metricz.rmse > 1'",
                error("metricz.rmse > 1"));
        assertEquals(
                "Invalid attribute key 'duration' specified. Valid keys are [run_id, run_name, status, user_id,"
                        + " artifact_uri, start_time, end_time, created, Created, run name, Run name, Run Name]"
                        + " at position 1 in filter 'attributes.duration > 1'",
                error("attributes.duration > 1"));
        assertEquals(
                "Invalid dataset key 'size' specified. Valid keys are [name, digest, context] at position 1 in filter"
                        + " 'datasets.size = '1''",
                error("datasets.size = '1'"));
        assertEquals(
                "Missing key after prefix 'metrics.' at position 1 in filter 'metrics. > 1'", error("metrics. > 1"));
        assertEquals(
                "Invalid identifier 'metrics.a`b`': quote or backtick the whole key, e.g. metrics.`my key`"
                        + " at position 1 in filter 'metrics.a`b` > 1'",
                error("metrics.a`b` > 1"));
    }

    @Test
    void structuralErrors() {
        assertEquals(
                "Expected AND or end of filter but found 'metrics.b' at position 15 in filter"
                        + " 'metrics.a > 1 metrics.b > 2'",
                error("metrics.a > 1 metrics.b > 2"));
        assertEquals(
                "Expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL) but found end of"
                        + " input at position 10 in filter 'metrics.a'",
                error("metrics.a"));
        assertEquals(
                "Expected a numeric value for metric 'a' but found end of input at position 13 in filter"
                        + " 'metrics.a > '",
                error("metrics.a > "));
        assertEquals(
                "Expected an identifier such as 'metrics.rmse' but found 'AND' at position 1 in filter 'AND x = 1'",
                error("AND x = 1"));
        assertEquals(
                "Expected an identifier such as 'metrics.rmse' but found end of input at position 18 in filter"
                        + " 'metrics.a > 1 AND'",
                error("metrics.a > 1 AND"));
        assertEquals("Unterminated string starting at position 10 in filter 'tags.t = 'abc'", error("tags.t = 'abc"));
        assertEquals(
                "Unterminated backticked name starting at position 9 in filter 'metrics.`abc > 1'",
                error("metrics.`abc > 1"));
        assertEquals("Unexpected character ';' at position 14 in filter 'metrics.a > 1;'", error("metrics.a > 1;"));
        assertEquals(
                "Expected IN after NOT but found ''a'' at position 19 in filter 'datasets.name NOT 'a''",
                error("datasets.name NOT 'a'"));
        assertEquals(
                "Expected NULL after IS NOT but found ''x'' at position 15 in filter 'tags.t IS NOT 'x''",
                error("tags.t IS NOT 'x'"));
    }

    @Test
    void listErrors() {
        assertEquals(
                "Expected a non-empty list of quoted strings for attribute 'run_id' at position 12 in filter"
                        + " 'run_id IN ()'",
                error("run_id IN ()"));
        assertEquals(
                "Expected a parenthesised list such as ('a', 'b') for attribute 'run_id' but found ''a'' at"
                        + " position 11 in filter 'run_id IN 'a''",
                error("run_id IN 'a'"));
        assertEquals(
                "Expected a quoted string in the list for dataset key 'name' but found '1' at position 19 in"
                        + " filter 'datasets.name IN (1)'",
                error("datasets.name IN (1)"));
        assertEquals(
                "Expected ',' or ')' in the list for attribute 'run_id' but found end of input at position 15"
                        + " in filter 'run_id IN ('a''",
                error("run_id IN ('a'"));
    }
}
