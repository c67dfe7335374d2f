package dev.lathe.cli;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.WorkerSettings;
import dev.lathe.tuning.trial.TrialState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lathe worker}: serves a search that {@code lathe search --distributed} started, with any number of peers. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a distributed search: claim its trials from the store, run them, record them as trial runs.",
            "Start the search with 'lathe search ... --distributed', then any number of workers, at any time, on",
            "this machine or others sharing the store. A worker heartbeats while it runs a trial; a trial whose",
            "worker was killed is queued again after the grace period. The worker ends when the search has.",
            "Example: lathe worker --store /shared/lathe-store --search 3f2a... --heartbeat 5s --grace 15s"
        })
public final class WorkerCommand implements Callable<Integer> {
    /** Tag on a distributed search's parent run: the JSON array of the search command's arguments. */
    static final String ARGS_TAG = "lathe.search.args";

    @Option(
            names = "--search",
            required = true,
            paramLabel = "PARENT_RUN_ID",
            description = "The parent run id that 'lathe search --distributed' printed.")
    String search;

    @Option(
            names = "--heartbeat",
            defaultValue = "5s",
            description = "How often the worker renews its claim while it runs a trial, like 5s"
                    + " (default: ${DEFAULT-VALUE}).")
    String heartbeat;

    @Option(
            names = "--grace",
            defaultValue = "15s",
            description = "How long a worker may stay silent before its trial is queued again, like 15s"
                    + " (default: ${DEFAULT-VALUE}).")
    String grace;

    @Option(names = "--worker-id", description = "This worker's name in the queue (default: host-pid-random).")
    String workerId;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WorkerSettings settings = WorkerSettings.defaults()
                .withHeartbeat(AgeOption.parse("--heartbeat", heartbeat), AgeOption.parse("--grace", grace));
        if (workerId != null) {
            settings = settings.withWorkerId(workerId);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SearchResult result;
        try (TrackingStore tracker = store.open()) {
            Run parent = tracker.getRun(search);
            String recorded = parent.data().tags().get(ARGS_TAG);
            LatheException.check(
                    ErrorCode.INVALID_STATE,
                    recorded != null,
                    "--search %s: run '%s' is not a search started by 'lathe search --distributed' (no tag %s)",
                    search,
                    parent.info().runName(),
                    ARGS_TAG);
            SearchCommand command = new SearchCommand();
            List<String> args = Json.strings(recorded, "tag " + ARGS_TAG + " of run " + search);
            try {
                new CommandLine(command).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new InvalidParameterException(
                        "--search " + search + ": the search arguments recorded in tag " + ARGS_TAG + " (" + args
                                + ") do not parse: " + e.getMessage(),
                        e);
            }
            result = command.serve(tracker, search, settings, threads.threads(), err);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("parent_run_id", search);
        summary.put("worker_id", settings.workerId());
        summary.put("trials", result.trials().size());
        summary.put("complete", result.count(TrialState.COMPLETE));
        summary.put("pruned", result.count(TrialState.PRUNED));
        summary.put("failed", result.count(TrialState.FAILED));
        if (json) {
            out.println(Json.object(summary));
        } else {
            summary.forEach((k, v) -> out.printf(Locale.ROOT, "%-22s %s%n", k, v));
        }
        out.flush();
        return 0;
    }
}
