package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.search.SqlQuery;
import dev.lathe.tracking.sqlite.ReferenceRunSearch.Clause;
import dev.lathe.tracking.sqlite.ReferenceRunSearch.Kind;
import dev.lathe.tracking.sqlite.ReferenceRunSearch.Order;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code searchRuns} against {@link ReferenceRunSearch} on a few hundred random runs full of ties, NaN,
 * infinite and missing metrics, missing params and tags, open runs without end time and deleted runs:
 * random filters and orders, each paged through in small pages, with the experiments' runs sorted and
 * with an index walked in order, that must add up, run for run, to one big page and to the reference.
 */
class RunSearchDifferentialTest {
    private static final int RUNS = 400;
    private static final double[] VALUES = {-1.0, 0.0, 0.5, 1.0, 2.5, Double.NaN, Double.POSITIVE_INFINITY};
    private static final String[] OPS = {"=", "!=", "<", "<=", ">", ">="};
    /** Walk thresholds: never walk an index (sort the experiment's runs) or always walk it. */
    private static final int SORT = Integer.MAX_VALUE;

    private static final int WALK = 0;

    @TempDir
    static Path dir;

    private static SqliteTrackingStore store;
    private static List<String> experiments;
    private static List<Run> all;

    @BeforeAll
    static void fill() {
        store = SqliteTrackingStore.open(dir);
        experiments = List.of(
                store.createExperiment("diff-a", null, Map.of()), store.createExperiment("diff-b", null, Map.of()));
        SplittableRandom random = new SplittableRandom(20_261_130L);
        List<RunWrite> writes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = 1_000L + random.nextInt(40); // many equal start times
            RunWrite.Builder w = RunWrite.create(
                    RunSpec.builder(experiments.get(random.nextInt(4) == 0 ? 1 : 0))
                            .runName("run-" + random.nextInt(50))
                            .build(),
                    start);
            for (int m = 0; m < 3; m++) {
                if (random.nextInt(5) > 0) {
                    w.metric("m" + m, VALUES[random.nextInt(VALUES.length)], 0, start);
                }
            }
            for (int p = 0; p < 2; p++) {
                if (random.nextInt(4) > 0) {
                    w.param("p" + p, "v" + random.nextInt(4));
                }
            }
            if (random.nextBoolean()) {
                w.tag("t0", random.nextBoolean() ? "a" : "b");
            }
            if (random.nextInt(5) > 0) {
                w.end(RunStatus.FINISHED, start + random.nextInt(5));
            }
            writes.add(w.build());
        }
        List<String> ids = store.writeRuns(writes);
        for (int i = 0; i < ids.size(); i += 9) {
            store.deleteRun(ids.get(i));
        }
        all = new ArrayList<>();
        for (String id : ids) {
            all.add(store.getRun(id));
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void randomFiltersAndOrdersMatchTheReferenceInEveryPaging() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 100; round++) {
            List<String> experimentIds = random.nextInt(3) == 0 ? experiments : List.of(experiments.get(0));
            ViewType view = ViewType.values()[random.nextInt(ViewType.values().length)];
            List<Clause> clauses = new ArrayList<>();
            for (int c = random.nextInt(4); c > 0; c--) {
                clauses.add(clause(random));
            }
            List<Order> orders = new ArrayList<>();
            for (int o = random.nextInt(4); o > 0; o--) {
                Order next = order(random);
                if (orders.stream()
                        .noneMatch(x -> x.kind() == next.kind() && x.key().equals(next.key()))) {
                    orders.add(next); // MLflow rejects a field ordered on twice
                }
            }
            String filter =
                    String.join(" and ", clauses.stream().map(Clause::filter).toList());
            List<String> orderBy = orders.stream().map(Order::orderBy).toList();
            String what = "filter '" + filter + "' order " + orderBy + " in " + experimentIds + " " + view;

            List<String> expected = ReferenceRunSearch.search(all, experimentIds, view, clauses, orders);
            assertEquals(expected, ids(store.searchRuns(experimentIds, filter, orderBy, 50_000, null, view)), what);
            int size = 3 + random.nextInt(40);
            assertEquals(expected, paged(experimentIds, filter, orderBy, view, size, SORT), "sorted " + what);
            assertEquals(expected, paged(experimentIds, filter, orderBy, view, size, WALK), "walked " + what);
        }
    }

    @Test
    void pagingVisitsEveryRunOnceInTheOrderOfOneQueryBothDirections() {
        for (String order : List.of("metrics.m0", "params.p0", "tags.t0", "attributes.end_time")) {
            for (String dir : List.of(" ASC", " DESC")) {
                List<String> orderBy = List.of(order + dir, "metrics.m1 DESC");
                List<String> whole = ids(store.searchRuns(experiments, null, orderBy, 50_000, null, ViewType.ALL));
                assertEquals(RUNS, whole.size());
                assertEquals(RUNS, new HashSet<>(whole).size(), "every run once");
                for (int size : new int[] {7, 100}) {
                    for (int walkFrom : new int[] {SORT, WALK}) {
                        assertEquals(
                                whole,
                                paged(experiments, null, orderBy, ViewType.ALL, size, walkFrom),
                                orderBy + " by " + size + " walking from " + walkFrom);
                    }
                }
            }
        }
    }

    /** Pages through a search of {@code size} runs a page; {@code walkFrom}: see RunSearchQuery.build. */
    private static List<String> paged(
            List<String> experimentIds, String filter, List<String> orderBy, ViewType view, int size, int walkFrom) {
        List<Long> ids = experimentIds.stream().map(Long::parseLong).toList();
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            SqlQuery q = RunSearchQuery.build(ids, filter, orderBy, view, size, token, walkFrom);
            Page<Run> page = store.db().read(c -> SqliteSearch.runPage(c, new StorePaths(store.root()), q));
            out.addAll(ids(page));
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return out;
    }

    private static List<String> ids(Page<Run> page) {
        return page.items().stream().map(r -> r.info().runId()).toList();
    }

    private static Clause clause(SplittableRandom random) {
        String op = OPS[random.nextInt(OPS.length)];
        return switch (random.nextInt(4)) {
            case 0 -> new Clause(Kind.METRIC, "m" + random.nextInt(3), op, VALUES[random.nextInt(5)]);
            case 1 -> new Clause(
                    Kind.PARAM, "p" + random.nextInt(2), random.nextBoolean() ? "=" : "!=", "v" + random.nextInt(4));
            case 2 -> new Clause(Kind.TAG, "t0", random.nextBoolean() ? "=" : "!=", "a");
            default -> new Clause(Kind.ATTRIBUTE, "start_time", op, 1_000L + random.nextInt(40));
        };
    }

    private static Order order(SplittableRandom random) {
        boolean asc = random.nextBoolean();
        return switch (random.nextInt(6)) {
            case 0, 1 -> new Order(Kind.METRIC, "m" + random.nextInt(3), asc);
            case 2 -> new Order(Kind.PARAM, "p" + random.nextInt(2), asc);
            case 3 -> new Order(Kind.TAG, "t0", asc);
            default -> new Order(
                    Kind.ATTRIBUTE,
                    List.of("start_time", "end_time", "run_name").get(random.nextInt(3)),
                    asc);
        };
    }
}
