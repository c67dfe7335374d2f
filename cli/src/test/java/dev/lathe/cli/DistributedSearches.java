package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tuning.tracking.TrialTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small search the {@code lathe worker} tests serve (6 TPE trials of a trainer in batches of 2, 5
 * boosting rounds, seed 42, the bundled months) and the one check that a served search is the
 * one-process search.
 */
final class DistributedSearches {
    static final int TRIALS = 6;

    private DistributedSearches() {}

    /** {@code lathe search ...} of the test search of {@code trainer} on {@code store}, with {@code extra}. */
    static String[] search(String trainer, String store, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "search",
                "--trainer",
                trainer,
                "--sampler",
                "tpe",
                "--trials",
                String.valueOf(TRIALS),
                "--batch-size",
                "2",
                "--rounds",
                "5",
                "--seed",
                "42",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                store,
                "--json"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /**
     * The served search logged the one-process search's trials (number, params, state and exact score),
     * none left RUNNING and none ended twice; its parent run is FINISHED with the same best validation
     * RMSE and holds the best model.
     */
    static void assertServedAsInProcess(
            TrackingStore oneProcess, String oneParent, TrackingStore served, String servedParent) {
        Map<Integer, String> expected = trials(oneProcess, oneParent);
        assertEquals(TRIALS, expected.size());
        assertEquals(expected, trials(served, servedParent));
        Run parent = served.getRun(servedParent);
        assertEquals(RunStatus.FINISHED, parent.info().status());
        assertEquals(
                oneProcess
                        .getRun(oneParent)
                        .data()
                        .latestMetrics()
                        .get("best_validation_rmse")
                        .value(),
                parent.data().latestMetrics().get("best_validation_rmse").value());
        assertTrue(served.listArtifacts(servedParent, "model").size() > 0, "the parent holds the best model");
    }

    /** Trial number -> its params and outcome tag (state, exact score), from the child runs that ended. */
    private static Map<Integer, String> trials(TrackingStore store, String parent) {
        Map<Integer, String> out = new TreeMap<>();
        for (Run r : store.childRuns(parent)) {
            assertTrue(r.info().status() != RunStatus.RUNNING, "left RUNNING: " + r.info());
            if (r.info().status() == RunStatus.FINISHED) {
                int n = Integer.parseInt(r.data().tags().get(TrialTags.NUMBER));
                String was = out.put(
                        n,
                        new TreeMap<>(r.data().params()) + " " + r.data().tags().get(TrialTags.OUTCOME));
                assertEquals(null, was, "trial " + n + " ended twice");
            }
        }
        return out;
    }
}
