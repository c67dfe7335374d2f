package dev.lathe.cli;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.RunOwner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lathe runs delete|restore|end}: change runs' lifecycle stage or end runs a killed process left
 * RUNNING. Every run is checked before any is changed, so bad input changes nothing.
 */
final class RunLifecycleCommands {
    private RunLifecycleCommands() {}

    /** Base of the commands that act on a list of run ids. */
    abstract static class OnRuns implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "RUN_ID", description = "One or more runs.")
        List<String> runIds;

        @Mixin
        StoreOption store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (TrackingStore tracker = store.open()) {
                List<RunInfo> runs = new ArrayList<>();
                for (String id : new LinkedHashSet<>(runIds)) {
                    RunInfo info = tracker.getRun(id).info();
                    check(info);
                    runs.add(info);
                }
                for (RunInfo info : runs) {
                    apply(tracker, info, out);
                }
            }
            out.flush();
            return 0;
        }

        /** Throws when this command cannot act on the run. */
        abstract void check(RunInfo run);

        abstract void apply(TrackingStore tracker, RunInfo run, PrintWriter out);
    }

    /** {@code lathe runs delete RUN...}: MLflow's soft delete. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Delete runs (soft delete, as MLflow: they leave listings and searches, 'runs restore' brings",
                "them back; artifacts stay on disk)."
            })
    static final class Delete extends OnRuns {
        @Override
        void check(RunInfo run) {
            LatheException.check(
                    run.lifecycleStage() == LifecycleStage.ACTIVE, "run %s is already deleted", run.runId());
        }

        @Override
        void apply(TrackingStore tracker, RunInfo run, PrintWriter out) {
            tracker.deleteRun(run.runId());
            out.printf(Locale.ROOT, "deleted run %s (%s)%n", run.runId(), run.runName());
        }
    }

    /** {@code lathe runs restore RUN...}: undo a delete. */
    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restore deleted runs (see them with 'runs list --view deleted').")
    static final class Restore extends OnRuns {
        @Override
        void check(RunInfo run) {
            LatheException.check(run.lifecycleStage() == LifecycleStage.DELETED, "run %s is not deleted", run.runId());
        }

        @Override
        void apply(TrackingStore tracker, RunInfo run, PrintWriter out) {
            tracker.restoreRun(run.runId());
            out.printf(Locale.ROOT, "restored run %s (%s)%n", run.runId(), run.runName());
        }
    }

    /** {@code lathe runs end}: end runs left RUNNING, by id or all that are older than an age. */
    @Command(
            name = "end",
            mixinStandardHelpOptions = true,
            description = {
                "End runs that a killed or crashed process left RUNNING: the given runs, or with --all-running",
                "every RUNNING run started longer ago than --older-than. A search left RUNNING can still be",
                "continued with 'lathe search ... --resume PARENT_RUN_ID'.",
                "Example: lathe runs end --all-running --older-than 2h"
            })
    static final class End implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "RUN_ID", description = "Runs to end.")
        List<String> runIds = new ArrayList<>();

        @Option(
                names = "--status",
                defaultValue = "KILLED",
                description = "The status they end with: KILLED, FAILED or FINISHED (default: ${DEFAULT-VALUE}).")
        String status;

        @Option(
                names = "--all-running",
                description = "End every RUNNING run (of --experiment, if given) instead of listed ones.")
        boolean allRunning;

        @Option(
                names = "--dead",
                description = "End KILLED every RUNNING run (of --experiment, if given) whose process is gone: killed,"
                        + " or it closed the store without ending it; runs of live processes are kept.")
        boolean dead;

        @Option(
                names = "--older-than",
                defaultValue = "1h",
                paramLabel = "AGE",
                description = "With --all-running: only runs started at least this long ago, e.g. 30m, 2h, 1d"
                        + " (default: ${DEFAULT-VALUE}).")
        String olderThan;

        @Option(
                names = "--experiment",
                description = "With --all-running: only this experiment (default: every active experiment).")
        String experiment;

        @Option(names = "--dry-run", description = "Only list the runs that would be ended.")
        boolean dryRun;

        @Mixin
        StoreOption store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RunStatus end = endStatus();
            int modes = (allRunning ? 1 : 0) + (dead ? 1 : 0) + (runIds.isEmpty() ? 0 : 1);
            LatheException.check(
                    modes == 1,
                    "runs end needs run ids, --all-running or --dead (one of the three), got %s",
                    modes == 0 ? "none" : "several");
            Duration age = AgeOption.parse("--older-than", olderThan);
            PrintWriter out = spec.commandLine().getOut();
            if (dead) {
                return endDead(out);
            }
            try (TrackingStore tracker = store.open()) {
                List<RunInfo> runs = allRunning ? running(tracker, age) : listed(tracker);
                for (RunInfo run : runs) {
                    if (!dryRun) {
                        tracker.updateRunStatus(run.runId(), end);
                    }
                    out.printf(
                            Locale.ROOT,
                            "%s run %s (%s): RUNNING -> %s%n",
                            dryRun ? "would end" : "ended",
                            run.runId(),
                            run.runName(),
                            end);
                }
                out.printf(Locale.ROOT, "%d run(s) %s%n", runs.size(), dryRun ? "would be ended" : "ended");
            }
            out.flush();
            return 0;
        }

        private int endDead(PrintWriter out) {
            LatheException.check(
                    status.equalsIgnoreCase("KILLED"),
                    "--dead ends runs KILLED (MLflow's status for a run whose process died), got --status %s",
                    status);
            try (TrackingStore tracker = store.open()) {
                List<String> candidates = running(tracker, Duration.ZERO).stream()
                        .map(RunInfo::runId)
                        .toList();
                Map<String, RunOwner> deadRuns = RunOwnership.dead(tracker, candidates, "runs end --dead");
                List<String> ended = dryRun
                        ? List.copyOf(deadRuns.keySet())
                        : RunOwnership.endDead(tracker, candidates, "runs end --dead");
                for (String id : ended) {
                    RunOwner owner = deadRuns.get(id);
                    out.printf(
                            Locale.ROOT,
                            "%s run %s (%s gone): RUNNING -> KILLED%n",
                            dryRun ? "would end" : "ended",
                            id,
                            owner == null ? "its process" : owner.describe());
                }
                out.printf(Locale.ROOT, "%d dead run(s) %s%n", ended.size(), dryRun ? "would be ended" : "ended");
            }
            out.flush();
            return 0;
        }

        private RunStatus endStatus() {
            for (RunStatus s : RunStatus.values()) {
                if (s.isTerminal() && s.name().equalsIgnoreCase(status)) {
                    return s;
                }
            }
            throw new InvalidParameterException("--status must be KILLED, FAILED or FINISHED, got '" + status + "'");
        }

        private List<RunInfo> listed(TrackingStore tracker) {
            List<RunInfo> runs = new ArrayList<>();
            for (String id : new LinkedHashSet<>(runIds)) {
                RunInfo info = tracker.getRun(id).info();
                LatheException.check(
                        !info.status().isTerminal(), "run %s is not running: it ended %s", id, info.status());
                LatheException.check(
                        info.lifecycleStage() == LifecycleStage.ACTIVE, "run %s is deleted; restore it first", id);
                runs.add(info);
            }
            return runs;
        }

        private List<RunInfo> running(TrackingStore tracker, Duration age) {
            long before = System.currentTimeMillis() - age.toMillis();
            List<String> experimentIds = experiment == null
                    ? tracker.listExperiments(ViewType.ACTIVE_ONLY).stream()
                            .map(Experiment::experimentId)
                            .toList()
                    : List.of(tracker.getExperimentByName(experiment)
                            .orElseThrow(() -> new ResourceNotFoundException(
                                    "experiment '" + experiment + "' does not exist in " + tracker.location()))
                            .experimentId());
            List<RunInfo> runs = new ArrayList<>();
            Optional<String> token = Optional.empty();
            do {
                Page<Run> page = tracker.searchRuns(
                        experimentIds,
                        "attributes.status = 'RUNNING'",
                        List.of("attributes.start_time ASC"),
                        1000,
                        token.orElse(null),
                        ViewType.ACTIVE_ONLY);
                page.items().stream()
                        .map(Run::info)
                        .filter(r -> r.startTime() <= before)
                        .forEach(runs::add);
                token = page.nextPageToken();
            } while (token.isPresent());
            return runs;
        }
    }
}
