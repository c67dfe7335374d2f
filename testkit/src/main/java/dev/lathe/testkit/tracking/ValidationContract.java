package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLflow's key syntax, value lengths and batch limits; errors name the key and the limit. */
public interface ValidationContract extends StoreFixture {

    @Test
    default void keySyntax(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            store.logParam(id, "a_b-c.d e/f", "1");
            store.logMetric(id, Metric.now("val/rmse 2", 1, 0));
            for (String bad : List.of("a!b", "", "/abs", "a/../b", "a//b", "./a", "trailing/", "semi;colon")) {
                LatheException e = assertThrows(LatheException.class, () -> store.logParam(id, bad, "1"), bad);
                assertTrue(e.getMessage().contains("'" + bad + "'") || bad.isEmpty(), e.getMessage());
            }
            assertThrows(LatheException.class, () -> store.logMetric(id, Metric.now("bad*key", 1, 0)));
            assertThrows(LatheException.class, () -> store.setTag(id, "bad:key", "v"));
        }
    }

    @Test
    default void lengthLimits(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            store.logParam(id, "k".repeat(250), "v".repeat(6000));
            store.setTag(id, "t", "v".repeat(8000));
            LatheException key = assertThrows(LatheException.class, () -> store.logParam(id, "k".repeat(251), "v"));
            assertTrue(key.getMessage().contains("251") && key.getMessage().contains("250"), key.getMessage());
            LatheException param = assertThrows(LatheException.class, () -> store.logParam(id, "p", "v".repeat(6001)));
            assertTrue(param.getMessage().contains("'p'") && param.getMessage().contains("6000"), param.getMessage());
            LatheException tag = assertThrows(LatheException.class, () -> store.setTag(id, "t2", "v".repeat(8001)));
            assertTrue(tag.getMessage().contains("'t2'") && tag.getMessage().contains("8000"), tag.getMessage());
        }
    }

    /**
     * Values at MLflow's length limits that do not compress (random letters from several scripts, so up
     * to 4 bytes a character) are stored, read back and searched exactly: a backend must not index whole
     * values where its index rows are bounded (PostgreSQL's B-tree: 2,704 bytes).
     */
    @Test
    default void incompressibleValuesAtTheLimitsAreStoredAndSearched(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.getOrCreateExperiment("long-values");
            Random random = new Random(16);
            List<String> runs = new ArrayList<>();
            List<String> params = new ArrayList<>();
            String tag = incompressible(random, 8000);
            for (int i = 0; i < 3; i++) {
                String id = store.createRun(RunSpec.builder(exp).build()).runId();
                String param = incompressible(random, 5999) + i;
                store.logBatch(id, List.of(), List.of(new Param("p", param)), List.of(new RunTag("t", tag)));
                store.setTag(id, "t" + i, incompressible(random, 8000));
                runs.add(id);
                params.add(param);
            }
            Run first = store.getRun(runs.get(0));
            assertEquals(params.get(0), first.data().params().get("p"));
            assertEquals(tag, first.data().tags().get("t"));
            assertEquals(8000, first.data().tags().get("t0").length());
            List<String> byParam =
                    store
                            .searchRuns(List.of(exp), "", List.of("params.p DESC"), 10, null, ViewType.ALL)
                            .items()
                            .stream()
                            .map(r -> r.info().runId())
                            .toList();
            List<String> expected = new ArrayList<>(runs);
            expected.sort(Comparator.comparing((String r) -> params.get(runs.indexOf(r)), ValidationContract::utf8Order)
                    .reversed());
            assertEquals(expected, byParam);
            assertEquals(
                    3,
                    store.searchRuns(List.of(exp), "tags.t = '" + tag + "'", List.of(), 10, null, ViewType.ALL)
                            .items()
                            .size());
        }
    }

    /** {@code length} random characters (letters of Latin, Greek, CJK and emoji), never a quote. */
    private static String incompressible(Random random, int length) {
        int[][] ranges = {{'a', 26}, {'A', 26}, {0x3B1, 25}, {0x4E00, 2000}, {0x1F600, 64}};
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            int[] range = ranges[random.nextInt(ranges.length)];
            int cp = range[0] + random.nextInt(range[1]);
            if (Character.charCount(cp) <= length - b.length()) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** Byte-wise UTF-8 order, MLflow's (and SQLite's) order of text. */
    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    default void batchLimitsAndDuplicates(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            List<Metric> metrics = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                metrics.add(new Metric("m", i, 1, i));
            }
            store.logBatch(id, metrics, List.of(), List.of());
            assertEquals(1000, store.getMetricHistory(id, "m").size());
            List<Metric> tooMany = new ArrayList<>(metrics);
            tooMany.add(new Metric("m", -1, 1, 1000));
            LatheException m =
                    assertThrows(LatheException.class, () -> store.logBatch(id, tooMany, List.of(), List.of()));
            assertTrue(m.getMessage().contains("1000") && m.getMessage().contains("1001"), m.getMessage());
            List<Param> params = new ArrayList<>();
            List<RunTag> tags = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                params.add(new Param("p" + i, "v"));
                tags.add(new RunTag("t" + i, "v"));
            }
            LatheException p =
                    assertThrows(LatheException.class, () -> store.logBatch(id, List.of(), params, List.of()));
            assertTrue(p.getMessage().contains("100") && p.getMessage().contains("101"), p.getMessage());
            LatheException t = assertThrows(LatheException.class, () -> store.logBatch(id, List.of(), List.of(), tags));
            assertTrue(t.getMessage().contains("100 tags"), t.getMessage());
            LatheException total = assertThrows(
                    LatheException.class,
                    () -> store.logBatch(id, metrics, params.subList(0, 50), tags.subList(0, 50)));
            assertTrue(total.getMessage().contains("1100"), total.getMessage());
            LatheException dup = assertThrows(
                    LatheException.class,
                    () -> store.logBatch(id, List.of(), List.of(new Param("d", "1"), new Param("d", "1")), List.of()));
            assertTrue(dup.getMessage().contains("duplicate param key 'd'"), dup.getMessage());
            LatheException dupTag = assertThrows(
                    LatheException.class,
                    () -> store.logBatch(
                            id, List.of(), List.of(), List.of(new RunTag("d", "1"), new RunTag("d", "2"))));
            assertTrue(dupTag.getMessage().contains("duplicate tag key 'd'"), dupTag.getMessage());
        }
    }
}
