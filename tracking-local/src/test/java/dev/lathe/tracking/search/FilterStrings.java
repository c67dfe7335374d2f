package dev.lathe.tracking.search;

import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of search inputs for properties: arbitrary text, and text shaped like MLflow's grammar
 * (prefixes valid and not, keys bare, quoted and backticked, every comparator and some that are not,
 * numbers of every spelling, strings with doubled and missing quotes, lists, nested parentheses,
 * AND in any case, OR, unicode and control characters), joined so that most inputs are almost valid.
 */
public final class FilterStrings {
    private static final List<String> PREFIXES = List.of(
            "metric",
            "metrics",
            "param",
            "params",
            "parameter",
            "parameters",
            "tag",
            "tags",
            "attribute",
            "attributes",
            "attr",
            "run",
            "dataset",
            "datasets",
            "METRICS",
            "experiment",
            "",
            "`metrics`",
            "\"tags\"",
            "'params'",
            "mé",
            "a.b");

    private static final List<String> KEYS = List.of(
            "rmse",
            "m0",
            "m1",
            "p0",
            "t0",
            "run_id",
            "run_name",
            "status",
            "user_id",
            "artifact_uri",
            "start_time",
            "end_time",
            "created",
            "Created",
            "`run name`",
            "lifecycle_stage",
            "experiment_id",
            "name",
            "digest",
            "context",
            "version_number",
            "source_path",
            "creation_time",
            "`a.b`",
            "\"x y\"",
            "'q'",
            "``",
            "ключ",
            "🙂",
            "\u0000",
            "AND",
            "in",
            "NULL",
            "1");

    private static final List<String> OPERATORS = List.of(
            "=",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
            "==",
            "<>",
            "=<",
            "!",
            "=!=",
            "LIKE",
            "ilike",
            "Like",
            "IN",
            "NOT IN",
            "not in",
            "NOT",
            "IS NULL",
            "is not null",
            "IS",
            "IS NOT",
            "NULL",
            "BETWEEN",
            "");

    private static final List<String> JOINS =
            List.of(" AND ", " and ", " And ", " OR ", "AND", " ", ",", "\tAND\n", " AND AND ", " && ", ";");

    private static final List<String> ODD_NUMBERS = List.of(
            "1e999",
            "-1e999",
            "1e-999",
            "-.5",
            "+3",
            ".5",
            "5.",
            "1e",
            "1e+",
            "1.2.3",
            "NaN",
            "Infinity",
            "-0",
            "0x10",
            "9223372036854775808",
            "-9223372036854775809",
            "00012",
            "1_000",
            "١٢",
            "2.5E0");

    private FilterStrings() {}

    /** Any text: unicode, control characters, surrogates, up to 300 characters. */
    public static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    /** Text from the grammar's own characters, in any order. */
    public static Arbitrary<String> grammarCharacters() {
        return Arbitraries.strings()
                .withChars("abmeAND OR.`'\"()=!<>,-+0123456789tsINLKE_\t\n%")
                .ofMaxLength(200);
    }

    /** A whole filter: clauses shaped like the grammar's, joined by AND (mostly) or by something else. */
    public static Arbitrary<String> grammarShaped() {
        Arbitrary<String> joined = Combinators.combine(
                        clause().list().ofMinSize(1).ofMaxSize(8), join().list().ofSize(8))
                .as((clauses, joins) -> {
                    StringBuilder sb = new StringBuilder(clauses.get(0));
                    for (int i = 1; i < clauses.size(); i++) {
                        sb.append(joins.get(i)).append(clauses.get(i));
                    }
                    return sb.toString();
                });
        return Arbitraries.frequencyOf(
                Tuple.of(8, joined),
                Tuple.of(1, Combinators.combine(joined, anyText()).as(String::concat)),
                Tuple.of(1, Combinators.combine(grammarCharacters(), joined).as(String::concat)));
    }

    /** An order-by clause: an identifier, then a direction, or something else. */
    public static Arbitrary<String> orderByShaped() {
        Arbitrary<String> direction =
                Arbitraries.of("", " ASC", " desc", " Desc", " DOWN", " ASC DESC", " = 1", "ASC", " `DESC`");
        return Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(identifier(), direction).as(String::concat)),
                Tuple.of(1, grammarCharacters()),
                Tuple.of(1, anyText()));
    }

    /** One clause: identifier, comparator, value, each more or less well formed. */
    public static Arbitrary<String> clause() {
        Arbitrary<String> space = Arbitraries.of(" ", "", "  ", "\t", "\n");
        return Combinators.combine(identifier(), space, Arbitraries.of(OPERATORS), space, value())
                .as((id, s1, op, s2, v) -> id + s1 + op + s2 + v);
    }

    private static Arbitrary<String> join() {
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(" AND ")), Tuple.of(3, Arbitraries.of(JOINS)));
    }

    /** {@code prefix.key}, a bare key, or a broken identifier. */
    public static Arbitrary<String> identifier() {
        Arbitrary<String> prefixed = Combinators.combine(
                        Arbitraries.of(PREFIXES), Arbitraries.of(".", ".", ". ", "..", ""), key())
                .as((p, dot, k) -> p + dot + k);
        return Arbitraries.frequencyOf(Tuple.of(6, prefixed), Tuple.of(2, key()), Tuple.of(1, word()));
    }

    private static Arbitrary<String> key() {
        Arbitrary<String> quoted = Combinators.combine(
                        Arbitraries.of("`", "\"", "'"), word(), Arbitraries.of("`", "\"", "'", ""))
                .as((open, w, close) -> open + w + close);
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(KEYS)), Tuple.of(2, quoted), Tuple.of(1, word()));
    }

    private static Arbitrary<String> word() {
        return Arbitraries.strings().all().ofMinLength(0).ofMaxLength(12);
    }

    /** A value: a number of any spelling, a quoted string, a list, nested parentheses or a bare word. */
    public static Arbitrary<String> value() {
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.of(ODD_NUMBERS));
        Arbitrary<String> strings = Combinators.combine(
                        Arbitraries.of("'", "\""), word(), Arbitraries.of("'", "\"", "", "''"))
                .as((open, w, close) -> open + w.replace(open, open + open) + close);
        Arbitrary<String> lists = strings.list().ofMaxSize(5).map(items -> "(" + String.join(", ", items) + ")");
        Arbitrary<String> nested = Combinators.combine(Arbitraries.integers().between(1, 60), strings)
                .as((depth, s) -> "(".repeat(depth) + s + ")".repeat(depth));
        return Arbitraries.frequencyOf(
                Tuple.of(4, numbers),
                Tuple.of(4, strings),
                Tuple.of(2, lists),
                Tuple.of(1, nested),
                Tuple.of(1, Arbitraries.of("", "()", "(", ")", "NULL", "abc", "`x`", "''''", "'", "\"")));
    }

    /**
     * A long input: a grammar-shaped fragment repeated up to past the length and clause limits, or one
     * clause whose prefix, key or value (quoted, backticked or bare) is up to 200,000 characters long.
     */
    public static Arbitrary<String> longInputs() {
        Arbitrary<String> repeated = Combinators.combine(
                        grammarShaped(), Arbitraries.integers().between(100, 40_000), join())
                .as((fragment, times, join) -> String.join(
                        join,
                        Collections.nCopies(
                                Math.max(
                                        1,
                                        Math.min(
                                                times,
                                                2 * SearchLimits.MAX_FILTER_LENGTH / Math.max(1, fragment.length()))),
                                fragment)));
        Arbitrary<String> longWord = Combinators.combine(
                        Arbitraries.of("k", "é", "`", "'", "\"", ".", "a b"),
                        Arbitraries.integers().between(1_000, 200_000))
                .as(String::repeat);
        Arbitrary<String> longToken = Combinators.combine(
                        Arbitraries.of(
                                "attribute.`%s` = 'v'",
                                "attributes.%s = 'v'",
                                "%s.k = 1",
                                "`%s`.k = 1",
                                "tags.t = '%s'",
                                "metrics.m > %s",
                                "params.'%s' = 'v'",
                                "datasets.%s = 'v'",
                                "tags.t IN ('%s', 'b')",
                                "run_id = 'a' AND %s",
                                "%s",
                                "metrics.m %s 1",
                                "datasets.`%s` = 'x'",
                                "start_time > '%s'"),
                        longWord)
                .as((template, word) -> template.replace("%s", word));
        return Arbitraries.oneOf(repeated, longToken);
    }
}
