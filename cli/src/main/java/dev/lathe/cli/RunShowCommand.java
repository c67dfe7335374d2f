package dev.lathe.cli;

import dev.lathe.core.tracking.ArtifactInfo;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.TrackingStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lathe runs show RUN}: everything one run holds, as MLflow's run page shows it. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Show one run: status and times, params, metrics, tags, datasets (inputs) and artifacts.",
            "Example: lathe runs show 0123abcd..."
        })
final class RunShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to show.")
    String runId;

    @Option(names = "--json", description = "Print one JSON object instead of the sections.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingStore tracker = store.openForReading()) {
            Run run = tracker.getRun(runId);
            String experiment = tracker.getExperiment(run.info().experimentId()).name();
            List<ArtifactInfo> artifacts = artifacts(tracker, runId, "");
            if (json) {
                out.println(Json.object(asMap(run, experiment, artifacts)));
            } else {
                print(out, run, experiment, artifacts);
            }
        }
        out.flush();
        return 0;
    }

    /** Every artifact file of the run, depth first, sorted by path. */
    static List<ArtifactInfo> artifacts(TrackingStore tracker, String runId, String dir) {
        List<ArtifactInfo> files = new ArrayList<>();
        for (ArtifactInfo a : tracker.listArtifacts(runId, dir)) {
            if (a.directory()) {
                files.addAll(artifacts(tracker, runId, a.path()));
            } else {
                files.add(a);
            }
        }
        return files;
    }

    private static Map<String, Object> asMap(Run run, String experiment, List<ArtifactInfo> artifacts) {
        RunInfo info = run.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", info.runId());
        m.put("run_name", info.runName());
        m.put("experiment_id", info.experimentId());
        m.put("experiment_name", experiment);
        m.put("status", info.status().name());
        m.put("lifecycle_stage", info.lifecycleStage().dbValue());
        m.put("start_time", info.startTime());
        m.put("end_time", info.endTime().isPresent() ? info.endTime().getAsLong() : null);
        m.put("parent_run_id", info.parentRunId().orElse(null));
        m.put("artifact_uri", info.artifactUri());
        Map<String, Double> metrics = new TreeMap<>();
        run.data().latestMetrics().forEach((k, v) -> metrics.put(k, v.value()));
        m.put("metrics", metrics);
        m.put("params", run.data().params());
        m.put("tags", run.data().tags());
        m.put(
                "inputs",
                run.inputs().datasets().stream().map(RunShowCommand::asMap).toList());
        m.put(
                "artifacts",
                artifacts.stream()
                        .map(a -> Map.of("path", a.path(), "size", a.fileSize()))
                        .toList());
        return m;
    }

    private static Map<String, Object> asMap(DatasetInput d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("digest", d.digest());
        m.put("context", d.context());
        m.put("source", d.source());
        m.put("rows", d.rows());
        return m;
    }

    private static void print(PrintWriter out, Run run, String experiment, List<ArtifactInfo> artifacts) {
        RunInfo info = run.info();
        out.printf(Locale.ROOT, "run         %s (%s)%n", info.runId(), info.runName());
        out.printf(Locale.ROOT, "experiment  %s (%s)%n", experiment, info.experimentId());
        out.printf(
                Locale.ROOT,
                "status      %s, %s%n",
                info.status(),
                info.lifecycleStage().dbValue());
        out.printf(Locale.ROOT, "started     %s%n", Instant.ofEpochMilli(info.startTime()));
        if (info.endTime().isPresent()) {
            out.printf(
                    Locale.ROOT,
                    "ended       %s (%.1f s)%n",
                    Instant.ofEpochMilli(info.endTime().getAsLong()),
                    (info.endTime().getAsLong() - info.startTime()) / 1000.0);
        }
        info.parentRunId().ifPresent(p -> out.printf(Locale.ROOT, "parent      %s%n", p));
        section(out, "params", run.data().params());
        Map<String, String> metrics = new TreeMap<>();
        run.data().latestMetrics().forEach((k, v) -> metrics.put(k, RunCompareCommand.number(v.value())));
        section(out, "metrics", metrics);
        section(out, "tags", run.data().tags());
        out.printf(Locale.ROOT, "inputs (%d)%n", run.inputs().datasets().size());
        for (DatasetInput d : run.inputs().datasets()) {
            out.printf(
                    Locale.ROOT,
                    "  %-8s %s  %d rows  digest %s  %s%n",
                    d.context(),
                    d.name(),
                    d.rows(),
                    d.digest(),
                    d.source() == null ? "" : d.source());
        }
        out.printf(Locale.ROOT, "artifacts (%d)%n", artifacts.size());
        for (ArtifactInfo a : artifacts) {
            out.printf(Locale.ROOT, "  %-40s %,d bytes%n", a.path(), a.fileSize());
        }
    }

    private static void section(PrintWriter out, String title, Map<String, String> entries) {
        out.printf(Locale.ROOT, "%s (%d)%n", title, entries.size());
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        entries.forEach((k, v) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", k, v));
    }
}
