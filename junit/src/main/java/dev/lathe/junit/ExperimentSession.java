package dev.lathe.junit;

import dev.lathe.core.LatheException;
import dev.lathe.core.Seeds;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.Tracker;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One experiment test class's connection to tracking: the opened tracker (which also answers the
 * regression checks' queries for earlier runs) and the experiment id. Opened before the class's tests, closed after them.
 */
final class ExperimentSession implements AutoCloseable {
    private final LatheExperiment annotation;
    private final Tracker tracker;
    private final String experimentId;
    /** Runs of tests that have started and not yet reported an outcome, by the test's unique id. */
    private final Map<String, ExperimentRun> active = new ConcurrentHashMap<>();

    private ExperimentSession(LatheExperiment annotation, Tracker tracker) {
        this.annotation = annotation;
        this.tracker = tracker;
        this.experimentId = tracker.getOrCreateExperiment(annotation.name());
    }

    /**
     * Opens the tracker the annotation, the {@code lathe.store} property, {@code $LATHE_STORE} or {@code
     * ./lathe-store} points at, through the backend that claims the location ({@link StoreAddress}).
     */
    static ExperimentSession open(LatheExperiment annotation, Properties props) {
        LatheException.check(!annotation.name().isBlank(), "@LatheExperiment needs a non-blank name");
        LatheException.check(
                annotation.seed().length <= 1,
                "@LatheExperiment(seed) takes at most one value, got %d",
                annotation.seed().length);
        Tracker tracker = StoreAddress.resolve(Optional.of(annotation.store()), props, System.getenv())
                .openTracker();
        try {
            return new ExperimentSession(annotation, tracker);
        } catch (RuntimeException e) {
            tracker.close();
            throw e;
        }
    }

    String experimentName() {
        return annotation.name();
    }

    /** The seed of {@code method}: its {@code @Seed(value)}, else the class's, else derived. */
    long seedOf(Method method) {
        Seed onMethod = method.getAnnotation(Seed.class);
        if (onMethod != null && onMethod.value().length > 0) {
            LatheException.check(
                    onMethod.value().length == 1,
                    "@Seed on %s takes one value, got %d",
                    method.getName(),
                    onMethod.value().length);
            return onMethod.value()[0];
        }
        if (annotation.seed().length == 1) {
            return annotation.seed()[0];
        }
        return Seeds.derive(annotation.name(), method.getName());
    }

    /** Starts the run of the test {@code uniqueId} and keeps it until {@link #finish} reports the outcome. */
    ExperimentRun begin(String uniqueId, Class<?> testClass, Method method, String displayName) {
        ExperimentRun run = startRun(testClass, method, displayName);
        active.put(uniqueId, run);
        return run;
    }

    /** The running run of the test {@code uniqueId}. */
    Optional<ExperimentRun> running(String uniqueId) {
        return Optional.ofNullable(active.get(uniqueId));
    }

    /** Ends the run of the test {@code uniqueId} (if it started) with the test's outcome. */
    void finish(String uniqueId, RunStatus status, Optional<String> reason) {
        ExperimentRun run = active.remove(uniqueId);
        if (run != null) {
            run.finish(status, reason);
        }
    }

    /** Starts the tracked run of one test (named after the method) and logs its seed. */
    ExperimentRun startRun(Class<?> testClass, Method method, String displayName) {
        long seed = seedOf(method);
        String testKey = testClass.getName() + "#" + method.getName();
        RunSpec spec = RunSpec.builder(experimentId)
                .runName(method.getName())
                .tag(ExperimentRun.TEST_TAG, testKey)
                .tag("lathe.junit.display_name", displayName)
                .tag("mlflow.source.name", testClass.getName())
                .build();
        ExperimentRun run = new ExperimentRun(tracker.startRun(spec), seed, testKey, tracker);
        run.logParam("seed", Long.toString(seed));
        return run;
    }

    @Override
    public void close() {
        try {
            for (String id : active.keySet()) {
                finish(id, RunStatus.FAILED, Optional.of("the test's outcome was never reported to the extension"));
            }
        } finally {
            tracker.close();
        }
    }
}
