package dev.lathe.junit;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunQuery;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/**
 * The tracked run of one experiment test, injected as a test parameter: logs into core's {@link
 * ActiveRun}, carries the test's seed, and asserts on the run's metrics, logged through it or into
 * {@link #active()} (bounds, and no regression against the last passing run of the same test). Failed assertions throw {@link
 * AssertionFailedError} so that JUnit reports the test as failed and the run ends FAILED.
 */
public final class ExperimentRun {
    /** Tag holding "fully.qualified.Class#method": identifies the test across runs. */
    public static final String TEST_TAG = "lathe.junit.test";

    /** Tag set by {@link #assertNoRegression} to the run it compared with ("none" for the first run). */
    public static final String BASELINE_TAG = "lathe.junit.baseline_run_id";

    private final ActiveRun run;
    private final long seed;
    private final String testKey;
    private final Tracker tracker;
    private final Map<String, LatestPoint> metrics = Collections.synchronizedMap(new HashMap<>());

    ExperimentRun(ActiveRun run, long seed, String testKey, Tracker tracker) {
        this.run = run;
        this.seed = seed;
        this.testKey = testKey;
        this.tracker = tracker;
    }

    public String runId() {
        return run.runId();
    }

    public String experimentId() {
        return run.experimentId();
    }

    /** The test's fixed seed (also logged as param "seed"). */
    public long seed() {
        return seed;
    }

    /** "fully.qualified.Class#method", the value of tag {@value #TEST_TAG}. */
    public String testKey() {
        return testKey;
    }

    /**
     * The underlying run, to log into with other code (a tracked fit, artifacts, inputs); the assertions
     * read metrics logged here directly from the store.
     */
    public ActiveRun active() {
        return run;
    }

    public void logParam(String key, String value) {
        run.logParam(key, value);
    }

    public void setTag(String key, String value) {
        run.setTag(key, value);
    }

    /** Logs a metric at step 0. */
    public void logMetric(String key, double value) {
        logMetric(key, value, 0);
    }

    public void logMetric(String key, double value, long step) {
        run.logMetric(key, value, step);
        remember(key, value, step);
    }

    /** Logs several metrics at step 0. */
    public void logMetrics(Map<String, Double> values) {
        run.logMetrics(values, 0);
        values.forEach((k, v) -> remember(k, v, 0));
    }

    /**
     * The latest value (highest step, then last logged) of a metric logged through this handle, else
     * the store's latest value of a metric logged through {@link #active()}.
     */
    public OptionalDouble metric(String key) {
        LatestPoint p = metrics.get(key);
        if (p != null) {
            return OptionalDouble.of(p.value());
        }
        Metric stored = stored().get(key);
        return stored == null ? OptionalDouble.empty() : OptionalDouble.of(stored.value());
    }

    /** Fails unless metric {@code key} was logged and its latest value is strictly below {@code bound}. */
    public void assertMetricBelow(String key, double bound) {
        double v = required(key);
        if (!(v < bound)) {
            throw new AssertionFailedError(
                    String.format(Locale.ROOT, "metric %s must be < %s, got %s (run %s)", key, bound, v, runId()),
                    "< " + bound,
                    v);
        }
    }

    /** Fails unless metric {@code key} was logged and its latest value is strictly above {@code bound}. */
    public void assertMetricAbove(String key, double bound) {
        double v = required(key);
        if (!(v > bound)) {
            throw new AssertionFailedError(
                    String.format(Locale.ROOT, "metric %s must be > %s, got %s (run %s)", key, bound, v, runId()),
                    "> " + bound,
                    v);
        }
    }

    /** Fails unless the latest value of metric {@code key} is in {@code [low, high]}. */
    public void assertMetricBetween(String key, double low, double high) {
        LatheException.check(low <= high, "metric bounds must satisfy low <= high, got low=%s, high=%s", low, high);
        double v = required(key);
        if (!(v >= low && v <= high)) {
            throw new AssertionFailedError(
                    String.format(
                            Locale.ROOT, "metric %s must be in [%s, %s], got %s (run %s)", key, low, high, v, runId()),
                    "[" + low + ", " + high + "]",
                    v);
        }
    }

    /**
     * Fails when metric {@code key} is worse than in the last passing (FINISHED) run of this test by
     * more than {@code relativeTolerance} times the baseline's magnitude. Passes, and records baseline
     * "none", when no earlier passing run logged the metric. The baseline is found with the tracker's
     * {@link Tracker#findRuns}: the newest FINISHED run of the experiment tagged with this test.
     */
    public void assertNoRegression(String key, double relativeTolerance, Direction direction) {
        LatheException.check(
                relativeTolerance >= 0 && Double.isFinite(relativeTolerance),
                "relative tolerance must be finite and >= 0, got %s",
                relativeTolerance);
        LatheException.check(direction != null, "direction must not be null");
        double v = required(key);
        RunQuery passing = RunQuery.inExperiment(experimentId())
                .withTag(TEST_TAG, testKey)
                .withStatus(RunStatus.FINISHED)
                .limit(2);
        Optional<Run> baseline = tracker.findRuns(passing).stream()
                .filter(r -> !r.info().runId().equals(runId()))
                .findFirst()
                .filter(r -> r.data().latestMetrics().containsKey(key));
        if (baseline.isEmpty()) {
            run.setTag(BASELINE_TAG, "none");
            return;
        }
        String baseRunId = baseline.get().info().runId();
        double b = baseline.get().data().latestMetrics().get(key).value();
        run.setTag(BASELINE_TAG, baseRunId);
        double slack = relativeTolerance * Math.abs(b);
        boolean ok = direction == Direction.MINIMIZE ? v <= b + slack : v >= b - slack;
        if (!ok) {
            double limit = direction == Direction.MINIMIZE ? b + slack : b - slack;
            throw new AssertionFailedError(
                    String.format(
                            Locale.ROOT,
                            "metric %s regressed: %s vs %s in the last passing run %s (%s, tolerance %s%%, limit %s)",
                            key,
                            v,
                            b,
                            baseRunId,
                            direction,
                            relativeTolerance * 100,
                            limit),
                    limit,
                    v);
        }
    }

    private double required(String key) {
        OptionalDouble v = metric(key);
        if (v.isEmpty()) {
            Set<String> logged = new TreeSet<>(metrics.keySet());
            logged.addAll(stored().keySet());
            throw new AssertionFailedError(String.format(
                    Locale.ROOT, "metric %s was not logged in run %s (logged: %s)", key, runId(), logged));
        }
        return v.getAsDouble();
    }

    /** The latest metrics of the run as stored, after writing out what the run buffers. */
    private Map<String, Metric> stored() {
        run.flush();
        return tracker.getRun(runId()).data().latestMetrics();
    }

    private void remember(String key, double value, long step) {
        metrics.merge(key, new LatestPoint(value, step), (old, now) -> now.step() >= old.step() ? now : old);
    }

    /** Ends the run with the test's outcome; a failure's message is kept as a tag. */
    void finish(RunStatus status, Optional<String> reason) {
        reason.ifPresent(r -> run.setTag("lathe.junit.outcome_reason", truncate(r)));
        run.setTag("lathe.junit.outcome", status.name());
        run.flush();
        run.end(status);
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000) + "...";
    }

    private record LatestPoint(double value, long step) {}
}
