package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lathe runs}: list and search runs with MLflow's grammar, show or compare them, delete, restore
 * or end them.
 */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List, search, show, compare, delete, restore and end runs.",
        subcommands = {
            RunsCommand.ListRuns.class,
            RunsCommand.SearchRuns.class,
            RunShowCommand.class,
            RunCompareCommand.class,
            RunLifecycleCommands.Delete.class,
            RunLifecycleCommands.Restore.class,
            RunLifecycleCommands.End.class
        })
public final class RunsCommand {
    /** Options shared by list and search: store, experiments, columns, paging and JSON output. */
    static class RunQuery {
        @Mixin
        StoreOption store;

        @Option(names = "--experiment", split = ",", description = "Experiment name(s) (default: every experiment).")
        List<String> experiments = new ArrayList<>();

        @Option(
                names = "--metrics",
                split = ",",
                defaultValue = "validation_rmse",
                description = "Metric columns to show (default: ${DEFAULT-VALUE}).")
        List<String> metrics;

        @Option(
                names = "--max-results",
                defaultValue = "100",
                description = "At most this many runs (default: ${DEFAULT-VALUE}).")
        int maxResults;

        @Option(
                names = "--view",
                defaultValue = "active",
                description = "Which runs: active, deleted or all (default: ${DEFAULT-VALUE}).")
        String view;

        @Option(names = "--json", description = "Print a JSON array of runs.")
        boolean json;

        @Option(
                names = "--print-id",
                description = "Print only the run ids, one per line, e.g. RUN=$(lathe runs search ... --max-results 1"
                        + " --print-id).")
        boolean printId;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        int print(String filter, List<String> orderBy) {
            LatheException.check(maxResults >= 1, "--max-results must be >= 1, got %d", maxResults);
            ViewType runs = ViewOption.parse(view);
            PrintWriter out = spec.commandLine().getOut();
            try (TrackingStore tracker = store.openForReading()) {
                Page<Run> page =
                        tracker.searchRuns(experimentIds(tracker, runs), filter, orderBy, maxResults, null, runs);
                Set<String> dead = RunOwnership.deadIfRecorded(
                                tracker,
                                page.items().stream().map(r -> r.info().runId()).toList())
                        .keySet();
                if (json) {
                    out.println(Json.object(page.items().stream()
                            .map(r -> asMap(r, dead.contains(r.info().runId())))
                            .toList()));
                } else if (printId) {
                    page.items().forEach(r -> out.println(r.info().runId()));
                } else {
                    printTable(out, page.items(), dead);
                }
            }
            out.flush();
            return 0;
        }

        /** The chosen experiments; by default the active ones, or all of them when deleted runs are asked for. */
        private List<String> experimentIds(TrackingStore tracker, ViewType runs) {
            if (experiments.isEmpty()) {
                return tracker
                        .listExperiments(runs == ViewType.ACTIVE_ONLY ? ViewType.ACTIVE_ONLY : ViewType.ALL)
                        .stream()
                        .map(Experiment::experimentId)
                        .toList();
            }
            List<String> ids = new ArrayList<>();
            for (String name : experiments) {
                ids.add(tracker.getExperimentByName(name)
                        .orElseThrow(() -> new ResourceNotFoundException(
                                "experiment '" + name + "' does not exist in " + tracker.location()))
                        .experimentId());
            }
            return ids;
        }

        /** Runs whose process died show as {@code RUNNING(dead)}: {@code lathe runs end --dead} ends them KILLED. */
        private void printTable(PrintWriter out, List<Run> runs, Set<String> dead) {
            int nameWidth = runs.stream()
                    .mapToInt(r -> r.info().runName().length())
                    .max()
                    .orElse(8);
            String columns = "%-32s  %-" + nameWidth + "s  %-" + (dead.isEmpty() ? 8 : 13) + "s";
            StringBuilder header =
                    new StringBuilder(String.format(Locale.ROOT, columns, "run_id", "run_name", "status"));
            metrics.forEach(m -> header.append(String.format(Locale.ROOT, "  %16s", m)));
            out.println(header);
            for (Run r : runs) {
                StringBuilder line = new StringBuilder(String.format(
                        Locale.ROOT,
                        columns,
                        r.info().runId(),
                        r.info().runName(),
                        dead.contains(r.info().runId())
                                ? r.info().status() + "(dead)"
                                : r.info().status()));
                for (String m : metrics) {
                    Metric v = r.data().latestMetrics().get(m);
                    line.append(
                            v == null
                                    ? String.format(Locale.ROOT, "  %16s", "-")
                                    : String.format(Locale.ROOT, "  %16.6f", v.value()));
                }
                out.println(line);
            }
            out.println(runs.size() + " run(s)");
        }

        private static Map<String, Object> asMap(Run r, boolean dead) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", r.info().runId());
            m.put("run_name", r.info().runName());
            m.put("experiment_id", r.info().experimentId());
            m.put("status", r.info().status().name());
            m.put("start_time", r.info().startTime());
            m.put("dead", dead);
            Map<String, Double> metrics = new TreeMap<>();
            r.data().latestMetrics().forEach((k, v) -> metrics.put(k, v.value()));
            m.put("metrics", metrics);
            m.put("params", r.data().params());
            m.put("tags", r.data().tags());
            return m;
        }
    }

    /** {@code lathe runs list}: newest runs first. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @Mixin
        RunQuery query;

        @Override
        public Integer call() {
            return query.print("", List.of("attributes.start_time DESC"));
        }
    }

    /** {@code lathe runs search}: MLflow filter and order-by. */
    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            description = {
                "Search runs with MLflow's filter grammar.",
                "Example: lathe runs search --filter \"metrics.validation_rmse < 6.1\" --order-by \"metrics.validation_rmse ASC\""
            })
    static final class SearchRuns implements Callable<Integer> {
        @Mixin
        RunQuery query;

        @Option(
                names = "--filter",
                defaultValue = "",
                description = "e.g. \"metrics.validation_rmse < 6.1 and params.model = 'ridge'\" (default: every run).")
        String filter;

        @Option(
                names = "--order-by",
                description = "e.g. \"metrics.validation_rmse ASC\" (repeatable; default: newest first).")
        List<String> orderBy = new ArrayList<>();

        @Override
        public Integer call() {
            return query.print(filter, orderBy);
        }
    }
}
