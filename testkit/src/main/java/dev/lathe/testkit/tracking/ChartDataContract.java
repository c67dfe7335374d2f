package dev.lathe.testkit.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.HistorySampler;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MetricSummary;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunDataKind;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a UI reads from a large store: metric histories thinned for a chart, min/max summaries of many
 * runs, and the keys an experiment logged. Each answer is checked against one recomputed here from the
 * store's plain reads (getMetricHistory, getRun), so a backend's fast path must agree with the slow one.
 */
public interface ChartDataContract extends StoreFixture {

    @Test
    default void aLongHistoryIsThinnedToTheBudgetKeepingEndsAndExtremes(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String id = newRun(store, "e").runId();
            SplittableRandom random = new SplittableRandom(7);
            List<Metric> points = new ArrayList<>();
            for (int step = 0; step < 5_000; step++) {
                double v = step == 3_001 ? 1e6 : step == 1_234 ? -1e6 : random.nextDouble();
                points.add(new Metric("loss", v, 10_000 + step, step));
                if (step % 997 == 0) {
                    points.add(new Metric("loss", Double.NaN, 20_000 + step, step));
                }
            }
            for (int from = 0; from < points.size(); from += 1_000) {
                store.logBatch(id, points.subList(from, Math.min(points.size(), from + 1_000)), List.of(), List.of());
            }
            List<Metric> history = store.getMetricHistory(id, "loss");
            List<Metric> sample = store.sampleMetricHistory(id, "loss", Long.MIN_VALUE, Long.MAX_VALUE, 100);
            assertEquals(HistorySampler.sample(history, 100), sample, "the backend's sample is the sampler's");
            assertTrue(sample.size() <= 100, "at most the budget: " + sample.size());
            assertEquals(history.get(0), sample.get(0));
            assertEquals(history.get(history.size() - 1), sample.get(sample.size() - 1));
            assertTrue(sample.stream().anyMatch(m -> m.value() == 1e6), "the spike is kept");
            assertTrue(sample.stream().anyMatch(m -> m.value() == -1e6), "the dip is kept");
            assertTrue(history.containsAll(sample), "only logged points");
            for (int i = 1; i < sample.size(); i++) {
                assertTrue(sample.get(i - 1).step() <= sample.get(i).step(), "step order at " + i);
            }

            List<Metric> window = store.sampleMetricHistory(id, "loss", 1_000, 1_999, 50);
            List<Metric> inWindow = history.stream()
                    .filter(m -> m.step() >= 1_000 && m.step() <= 1_999)
                    .toList();
            assertEquals(HistorySampler.sample(inWindow, 50), window);
            assertTrue(window.stream().anyMatch(m -> m.value() == -1e6), "the dip inside the window");
            assertEquals(inWindow, store.sampleMetricHistory(id, "loss", 1_000, 1_999, 5_000), "under budget: whole");
            assertEquals(List.of(), store.sampleMetricHistory(id, "absent", Long.MIN_VALUE, Long.MAX_VALUE, 10));
        }
    }

    @Test
    default void summariesEqualTheHistoriesMinMaxAndCountLeavingNaNOut(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String a = newRun(store, "e").runId();
            String b = newRun(store, "e").runId();
            double[] values = {3.0, Double.NaN, -2.5, Double.POSITIVE_INFINITY, 0.0};
            for (int i = 0; i < values.length; i++) {
                store.logMetric(a, new Metric("rmse", values[i], 100 + i, i));
                store.logMetric(b, new Metric("rmse", -values[i] * 2, 100 + i, i));
            }
            store.logMetric(a, new Metric("only_nan", Double.NaN, 5, 0));
            store.logMetric(b, new Metric("mae", 1.5, 5, 0));
            List<String> runs = List.of(a, b, "0123456789abcdef0123456789abcdef");
            List<String> keys = List.of("rmse", "mae", "only_nan", "absent");
            List<MetricSummary> expected = new ArrayList<>();
            for (String run : List.of(a, b)) {
                for (String key : keys) {
                    List<Double> finite = store.getMetricHistory(run, key).stream()
                            .map(Metric::value)
                            .filter(v -> !Double.isNaN(v))
                            .toList();
                    if (!finite.isEmpty()) {
                        expected.add(new MetricSummary(
                                run,
                                key,
                                finite.stream().min(Double::compare).orElseThrow(),
                                finite.stream().max(Double::compare).orElseThrow(),
                                finite.size()));
                    }
                }
            }
            Comparator<MetricSummary> order =
                    Comparator.comparing(MetricSummary::runId).thenComparing(MetricSummary::key);
            List<MetricSummary> actual = new ArrayList<>(store.summarizeMetrics(runs, keys));
            actual.sort(order);
            expected.sort(order);
            assertEquals(expected, actual);
            assertEquals(
                    Double.NEGATIVE_INFINITY,
                    actual.stream()
                            .filter(s -> s.runId().equals(b) && s.key().equals("rmse"))
                            .findFirst()
                            .orElseThrow()
                            .min());
            assertEquals(List.of(), store.summarizeMetrics(List.of(), keys));
        }
    }

    @Test
    default void keysOfEveryWritePathAreListedSystemTagsAndOtherExperimentsLeftOut(@TempDir Path dir) {
        try (TrackingStore store = newStore(dir)) {
            String exp = store.createExperiment("listed");
            String other = store.createExperiment("other");
            String one =
                    store.createRun(RunSpec.builder(exp).runName("one").build()).runId();
            store.logMetric(one, new Metric("Val_RMSE", 1, 1, 0));
            store.logParam(one, "alpha", "0.1");
            store.setTag(one, "team", "x");
            store.logBatch(
                    one,
                    List.of(new Metric("train_rmse", 2, 1, 0)),
                    List.of(new Param("beta", "2")),
                    List.of(new RunTag("owner", "y")));
            store.writeRuns(List.of(RunWrite.create(RunSpec.builder(exp).build(), 5)
                    .metric("val_mae", 3, 0, 6)
                    .param("gamma", "3")
                    .tag("stage", "dev")
                    .build()));
            String elsewhere = store.createRun(RunSpec.builder(other).build()).runId();
            store.logMetric(elsewhere, new Metric("other_metric", 1, 1, 0));
            store.logParam(elsewhere, "other_param", "1");

            assertEquals(
                    new KeyMatches(List.of("Val_RMSE", "train_rmse", "val_mae"), 3),
                    store.searchKeys(exp, RunDataKind.METRIC, "", 100));
            assertEquals(
                    new KeyMatches(List.of("alpha", "beta", "gamma"), 3),
                    store.searchKeys(exp, RunDataKind.PARAM, "", 100));
            KeyMatches tags = store.searchKeys(exp, RunDataKind.TAG, "", 100);
            assertEquals(List.of("owner", "stage", "team"), tags.keys());
            assertTrue(
                    tags.keys().stream().noneMatch(k -> k.startsWith(MlflowTags.SYSTEM_PREFIX)),
                    "no system tag: " + tags);
            assertEquals(
                    new KeyMatches(List.of("Val_RMSE"), 2),
                    store.searchKeys(exp, RunDataKind.METRIC, "VAL_", 1),
                    "contains ignores case; total counts every match");
            assertEquals(new KeyMatches(List.of(), 0), store.searchKeys(exp, RunDataKind.METRIC, "nothing", 10));
            Set<String> everyKey =
                    new TreeSet<>(store.getRun(one).data().latestMetrics().keySet());
            assertTrue(store.searchKeys(exp, RunDataKind.METRIC, "", 100).keys().containsAll(everyKey));
            LatheException e =
                    assertThrows(LatheException.class, () -> store.searchKeys("987654", RunDataKind.METRIC, "", 10));
            assertEquals(ErrorCode.RESOURCE_DOES_NOT_EXIST, e.errorCode(), e.getMessage());
        }
    }
}
