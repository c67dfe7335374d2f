package dev.lathe.cli;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.TrackingStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lathe runs compare RUN...}: params and metrics of runs side by side, differing rows marked. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare runs side by side: one column per run, one row per param and metric;",
            "rows whose values differ (or that a run lacks) are marked with '*'.",
            "Example: lathe runs compare 0123abcd... 4567ef01..."
        })
final class RunCompareCommand implements Callable<Integer> {
    /** The mark in front of rows whose values are not the same in every run. */
    static final String DIFFERS = "*";

    private static final String MISSING = "-";

    @Parameters(arity = "2..*", paramLabel = "RUN_ID", description = "Two or more runs.")
    List<String> runIds;

    @Option(names = "--only-diff", description = "Show only the rows that differ.")
    boolean onlyDiff;

    @Option(names = "--json", description = "Print one JSON object: runs, params, metrics and the differing keys.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LatheException.check(
                new HashSet<>(runIds).size() == runIds.size(), "runs compare got the same run twice: %s", runIds);
        PrintWriter out = spec.commandLine().getOut();
        List<Run> runs = new ArrayList<>();
        try (TrackingStore tracker = store.openForReading()) {
            for (String id : runIds) {
                runs.add(tracker.getRun(id));
            }
        }
        Map<String, List<String>> params = rows(runs, r -> r.data().params());
        Map<String, List<String>> metrics = rows(runs, r -> {
            Map<String, String> m = new TreeMap<>();
            r.data().latestMetrics().forEach((k, v) -> m.put(k, number(v.value())));
            return m;
        });
        if (json) {
            out.println(Json.object(asMap(runs, params, metrics)));
        } else {
            printTable(out, runs, params, metrics);
        }
        out.flush();
        return 0;
    }

    /** Key -> one value per run (null where the run lacks the key), keys sorted. */
    private static Map<String, List<String>> rows(List<Run> runs, Function<Run, Map<String, String>> values) {
        Set<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(values.apply(r).keySet()));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String key : keys) {
            List<String> row = new ArrayList<>();
            runs.forEach(r -> row.add(values.apply(r).get(key)));
            rows.put(key, row);
        }
        return rows;
    }

    static boolean differs(List<String> row) {
        return row.stream().distinct().count() > 1 || row.contains(null);
    }

    /** A metric as shown and compared: exact (shortest round-trip text), integers without a fraction. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private Map<String, Object> asMap(
            List<Run> runs, Map<String, List<String>> params, Map<String, List<String>> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs.stream().map(r -> r.info().runId()).toList());
        m.put("params", byRun(runs, params));
        Map<String, Map<String, Double>> metricValues = new LinkedHashMap<>();
        for (String key : metrics.keySet()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Run r : runs) {
                var v = r.data().latestMetrics().get(key);
                values.put(r.info().runId(), v == null ? null : v.value());
            }
            metricValues.put(key, values);
        }
        m.put("metrics", metricValues);
        List<String> differing = new ArrayList<>();
        params.forEach((k, row) -> {
            if (differs(row)) {
                differing.add("params." + k);
            }
        });
        metrics.forEach((k, row) -> {
            if (differs(row)) {
                differing.add("metrics." + k);
            }
        });
        m.put("differing", differing);
        return m;
    }

    private static Map<String, Map<String, String>> byRun(List<Run> runs, Map<String, List<String>> rows) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        rows.forEach((key, row) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                values.put(runs.get(i).info().runId(), row.get(i));
            }
            out.put(key, values);
        });
        return out;
    }

    private void printTable(
            PrintWriter out, List<Run> runs, Map<String, List<String>> params, Map<String, List<String>> metrics) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("run_name", runs.stream().map(r -> r.info().runName()).toList());
        table.put("status", runs.stream().map(r -> r.info().status().name()).toList());
        params.forEach((k, row) -> table.put("params." + k, row));
        metrics.forEach((k, row) -> table.put("metrics." + k, row));
        int keyWidth = table.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            int w = runs.get(i).info().runId().length();
            for (List<String> row : table.values()) {
                w = Math.max(w, Objects.requireNonNullElse(row.get(i), MISSING).length());
            }
            widths.add(w);
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-" + keyWidth + "s", "run_id"));
        for (int i = 0; i < runs.size(); i++) {
            header.append(String.format(
                    Locale.ROOT,
                    "  %-" + widths.get(i) + "s",
                    runs.get(i).info().runId()));
        }
        out.println(header.toString().stripTrailing());
        int shown = 0;
        int differing = 0;
        for (Map.Entry<String, List<String>> e : table.entrySet()) {
            boolean diff = differs(e.getValue());
            differing += diff ? 1 : 0;
            if (onlyDiff && !diff) {
                continue;
            }
            shown++;
            StringBuilder line = new StringBuilder(diff ? DIFFERS + " " : "  ");
            line.append(String.format(Locale.ROOT, "%-" + keyWidth + "s", e.getKey()));
            for (int i = 0; i < runs.size(); i++) {
                String v = Objects.requireNonNullElse(e.getValue().get(i), MISSING);
                line.append(String.format(Locale.ROOT, "  %-" + widths.get(i) + "s", v));
            }
            out.println(line.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "%d row(s) shown, %d differ (marked %s)%n", shown, differing, DIFFERS);
    }
}
