package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
