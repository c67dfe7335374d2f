package dev.lathe.tracking.sqlite;

import static dev.lathe.tracking.search.SearchOutcomes.cut;
import static dev.lathe.tracking.search.SearchOutcomes.resultOrInvalidParameter;
import static dev.lathe.tracking.search.SearchOutcomes.withoutHanging;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.FilterStrings;
import dev.lathe.tracking.sqlite.ReferenceRunSearch.Clause;
import dev.lathe.tracking.sqlite.ReferenceRunSearch.Kind;
import dev.lathe.tracking.sqlite.ReferenceRunSearch.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The search grammar through a real store: arbitrary and grammar-shaped filters and orders give a page
 * or an InvalidParameterException from each of the four searches (never a storage error, another
 * exception or a hang), and random valid filters and orders, spelled every way the grammar allows,
 * select over a small random store exactly the runs, in exactly the order, that {@link
 * ReferenceRunSearch} computes from the runs read back.
 */
class StoreSearchPropertiesTest {
    private static final double[] VALUES = {-1.0, 0.0, 0.5, 1.0, 2.5, Double.NaN, Double.POSITIVE_INFINITY};
    private static final String[] TEXTS = {"v0", "v1", "o'k", "é \"q\""};
    private static final List<String> OPS = List.of("=", "!=", "<", "<=", ">", ">=");

    private static Path fixedDir;
    private static SqliteTrackingStore fixed;
    private static List<String> fixedExperiments;

    @BeforeContainer
    static void openFixedStore() throws IOException {
        fixedDir = Files.createTempDirectory("lathe-search-properties");
        fixed = SqliteTrackingStore.open(fixedDir);
        fixedExperiments = fill(fixed, 20_261_130L, 30);
        String run = fixed.searchRuns(fixedExperiments, null, null, 1, null, ViewType.ALL)
                .items()
                .get(0)
                .info()
                .runId();
        fixed.registry().createRegisteredModel("model", "d", Map.of("task", "regression"));
        fixed.registry().createModelVersion("model", "runs:/" + run + "/model", run, null, Map.of("k", "v"));
    }

    @AfterContainer
    static void closeFixedStore() {
        fixed.close();
        delete(fixedDir);
    }

    /** Writes {@code runs} random runs into two experiments; returns the experiments' ids. */
    private static List<String> fill(SqliteTrackingStore store, long seed, int runs) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> experiments = List.of(
                store.createExperiment("props-a", null, Map.of()), store.createExperiment("props-b", null, Map.of()));
        List<RunWrite> writes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = 1_000L + random.nextInt(8); // ties on start_time
            RunWrite.Builder w = RunWrite.create(
                    RunSpec.builder(experiments.get(random.nextInt(3) == 0 ? 1 : 0))
                            .runName("run-" + random.nextInt(5))
                            .build(),
                    start);
            for (int m = 0; m < 2; m++) {
                if (random.nextInt(4) > 0) {
                    w.metric("m" + m, VALUES[random.nextInt(VALUES.length)], 0, start);
                }
            }
            if (random.nextInt(4) > 0) {
                w.param("p0", TEXTS[random.nextInt(TEXTS.length)]);
            }
            if (random.nextBoolean()) {
                w.tag("t0", TEXTS[random.nextInt(TEXTS.length)]);
            }
            if (random.nextInt(4) > 0) {
                w.end(RunStatus.FINISHED, start + random.nextInt(3));
            }
            writes.add(w.build());
        }
        List<String> ids = store.writeRuns(writes);
        for (int i = 0; i < ids.size(); i += 5) {
            store.deleteRun(ids.get(i));
        }
        return experiments;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> filters() {
        return Arbitraries.oneOf(
                FilterStrings.grammarShaped(), FilterStrings.anyText(), FilterStrings.grammarCharacters());
    }

    @Provide
    Arbitrary<List<String>> orders() {
        return FilterStrings.orderByShaped().list().ofMaxSize(3);
    }

    @Property(tries = 300)
    void everySearchGivesAPageOrAnInvalidParameter(
            @ForAll("filters") String filter, @ForAll("orders") List<String> orderBy) {
        String what = "filter " + cut(filter) + " order_by "
                + orderBy.stream().map(s -> cut(s)).toList();
        withoutHanging(what, () -> {
            resultOrInvalidParameter(
                    "runs " + what, () -> fixed.searchRuns(fixedExperiments, filter, orderBy, 5, null, ViewType.ALL));
            resultOrInvalidParameter(
                    "experiments " + what, () -> fixed.searchExperiments(filter, orderBy, 5, null, ViewType.ALL));
            resultOrInvalidParameter("registered models " + what, () -> fixed.registry()
                    .searchRegisteredModels(filter, orderBy, 5, null));
            resultOrInvalidParameter(
                    "model versions " + what, () -> fixed.registry().searchModelVersions(filter, orderBy, 5, null));
        });
    }

    @Provide
    Arbitrary<List<Clause>> clauses() {
        return clause().list().ofMaxSize(4);
    }

    private static Arbitrary<Clause> clause() {
        Arbitrary<String> op = Arbitraries.of(OPS);
        Arbitrary<Clause> metric = Combinators.combine(
                        Arbitraries.of("m0", "m1"), op, Arbitraries.of(-1.0, 0.0, 0.5, 1.0, 2.5))
                .as((k, o, v) -> new Clause(Kind.METRIC, k, o, v));
        Arbitrary<Clause> param = Combinators.combine(Arbitraries.of("=", "!="), Arbitraries.of(TEXTS))
                .as((o, v) -> new Clause(Kind.PARAM, "p0", o, v));
        Arbitrary<Clause> tag = Combinators.combine(Arbitraries.of("=", "!="), Arbitraries.of(TEXTS))
                .as((o, v) -> new Clause(Kind.TAG, "t0", o, v));
        Arbitrary<Clause> start = Combinators.combine(op, Arbitraries.longs().between(999, 1_008))
                .as((o, v) -> new Clause(Kind.ATTRIBUTE, "start_time", o, v));
        return Arbitraries.oneOf(metric, param, tag, start);
    }

    @Provide
    Arbitrary<List<Order>> orderTerms() {
        return Combinators.combine(
                        Arbitraries.of(
                                "metric:m0",
                                "metric:m1",
                                "param:p0",
                                "tag:t0",
                                "attribute:start_time",
                                "attribute:end_time",
                                "attribute:run_name"),
                        Arbitraries.of(true, false))
                .as((field, asc) -> new Order(
                        Kind.valueOf(field.substring(0, field.indexOf(':')).toUpperCase(Locale.ROOT)),
                        field.substring(field.indexOf(':') + 1),
                        asc))
                .list()
                .ofMaxSize(3);
    }

    @Property(tries = 25)
    void randomFiltersSelectWhatTheReferenceSelects(
            @ForAll long storeSeed,
            @ForAll("clauses") List<Clause> clauses,
            @ForAll("orderTerms") List<Order> orderTerms,
            @ForAll Random spelling,
            @ForAll ViewType view)
            throws IOException {
        List<Clause> filterClauses = clauses;
        List<Order> orders = new ArrayList<>();
        for (Order o : orderTerms) {
            if (orders.stream().noneMatch(x -> x.kind() == o.kind() && x.key().equals(o.key()))) {
                orders.add(o); // MLflow rejects a field ordered on twice
            }
        }
        String filter = String.join(
                spell(spelling, " and ", " AND ", " And ", "\tand\n"),
                filterClauses.stream().map(c -> filter(c, spelling)).toList());
        List<String> orderBy = orders.stream().map(o -> orderBy(o, spelling)).toList();

        Path dir = Files.createTempDirectory("lathe-search-differential");
        try (SqliteTrackingStore store = SqliteTrackingStore.open(dir)) {
            List<String> experiments = fill(store, storeSeed, 1 + (int) Math.floorMod(storeSeed, 25L));
            List<String> searched = spelling.nextBoolean() ? experiments : experiments.subList(0, 1);
            List<Run> all = store.searchRuns(experiments, null, null, 50_000, null, ViewType.ALL)
                    .items();
            List<String> expected = ReferenceRunSearch.search(all, searched, view, filterClauses, orders);
            String what = "filter " + cut(filter) + " order_by " + orderBy + " " + view;
            assertEquals(expected, ids(store.searchRuns(searched, filter, orderBy, 50_000, null, view)), what);
            int size = 1 + spelling.nextInt(7);
            List<String> paged = new ArrayList<>();
            String token = null;
            do {
                Page<Run> page = store.searchRuns(searched, filter, orderBy, size, token, view);
                paged.addAll(ids(page));
                token = page.nextPageToken().orElse(null);
            } while (token != null);
            assertEquals(expected, paged, "pages of " + size + ", " + what);
        } finally {
            delete(dir);
        }
    }

    private static List<String> ids(Page<Run> page) {
        return page.items().stream().map(r -> r.info().runId()).toList();
    }

    private static String spell(Random random, String... ways) {
        return ways[random.nextInt(ways.length)];
    }

    /** {@code clause} in one of the grammar's spellings: prefix aliases, quoted keys, any quotes and spacing. */
    private static String filter(Clause clause, Random random) {
        String prefix =
                switch (clause.kind()) {
                    case METRIC -> spell(random, "metric.", "metrics.", "`metrics`.", "\"metrics\".");
                    case PARAM -> spell(random, "param.", "params.", "parameter.", "parameters.", "`params`.");
                    case TAG -> spell(random, "tag.", "tags.", "'tags'.");
                    case ATTRIBUTE -> spell(random, "", "attribute.", "attributes.", "attr.", "run.");
                };
        String key = clause.kind() == Kind.ATTRIBUTE
                ? spell(random, "start_time", "created", "Created", "`start_time`")
                : spell(random, clause.key(), "`" + clause.key() + "`", "\"" + clause.key() + "\"");
        String space = spell(random, " ", "", "  ", "\t");
        return prefix + key + space + clause.op() + space + value(clause.value(), random);
    }

    private static String value(Object value, Random random) {
        if (value instanceof String s) {
            return random.nextBoolean() && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof Long l) {
            return spell(random, Long.toString(l), "+" + l, l + ".0");
        }
        double d = (Double) value;
        return spell(
                random,
                Double.toString(d),
                String.format(Locale.ROOT, "%.3e", d),
                d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d),
                d > 0 && d < 1 ? Double.toString(d).substring(1) : Double.toString(d));
    }

    private static String orderBy(Order order, Random random) {
        String prefix =
                switch (order.kind()) {
                    case METRIC -> spell(random, "metric.", "metrics.", "`metrics`.");
                    case PARAM -> spell(random, "param.", "params.", "parameters.");
                    case TAG -> spell(random, "tag.", "tags.");
                    case ATTRIBUTE -> spell(random, "", "attribute.", "attributes.", "attr.");
                };
        String key = order.kind() == Kind.ATTRIBUTE && order.key().equals("start_time")
                ? spell(random, "start_time", "created", "Created")
                : spell(random, order.key(), "`" + order.key() + "`");
        String direction =
                order.ascending() ? spell(random, "", " ASC", " asc") : spell(random, " DESC", " desc", " Desc");
        return prefix + key + direction;
    }
}
