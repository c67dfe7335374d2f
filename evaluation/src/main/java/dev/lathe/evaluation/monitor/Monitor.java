package dev.lathe.evaluation.monitor;

import dev.lathe.core.LatheException;
import dev.lathe.evaluation.drift.DataDrift;
import dev.lathe.evaluation.drift.DataDriftDetector;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.drift.SortedReference;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares a current table with a reference table: the drift of the target, every feature and (with a
 * model) the prediction, the model's metrics on both, then the same for each batch of the current table
 * by {@link BatchPeriod}; batches with fewer than {@code minBatchRows} rows are listed as skipped.
 */
public final class Monitor {
    /** The drift-checked column holding the model's predictions. */
    public static final String PREDICTION = "prediction";

    private final DataDriftDetector detector;
    private final int minBatchRows;

    public Monitor(DataDriftDetector detector, int minBatchRows) {
        LatheException.check(minBatchRows >= 1, "minBatchRows must be >= 1, got %d", minBatchRows);
        this.detector = detector;
        this.minBatchRows = minBatchRows;
    }

    public MonitorReport compare(
            String targetName, MonitoredTable reference, MonitoredTable current, Optional<BatchPeriod> period) {
        DriftSamples all = samples(targetName, reference, current);
        DataDrift drift = detector.compare(all);
        List<MonitorBatch> batches = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        if (period.isPresent()) {
            // the reference is sorted once for every batch
            Optional<SortedReference> sortedReference = Optional.of(SortedReference.of(all));
            long[] days = current.days()
                    .orElseThrow(() -> new LatheException(current.name() + ": batches need each row's event day"));
            TreeMap<LocalDate, List<Integer>> groups = new TreeMap<>();
            for (int i = 0; i < days.length; i++) {
                groups.computeIfAbsent(period.get().start(LocalDate.ofEpochDay(days[i])), d -> new ArrayList<>())
                        .add(i);
            }
            for (Map.Entry<LocalDate, List<Integer>> g : groups.entrySet()) {
                int[] index = g.getValue().stream().mapToInt(Integer::intValue).toArray();
                if (index.length < minBatchRows) {
                    skipped.put(g.getKey().toString(), index.length);
                    continue;
                }
                MonitoredTable batch = current.select(current.name() + " " + g.getKey(), index);
                batches.add(new MonitorBatch(
                        g.getKey(),
                        index.length,
                        detector.compare(samples(targetName, reference, batch), sortedReference),
                        metrics(batch)));
            }
        }
        return new MonitorReport(
                reference.name(),
                current.name(),
                reference.rows(),
                current.rows(),
                drift,
                metrics(reference),
                metrics(current),
                period,
                batches,
                skipped,
                all);
    }

    private static Optional<RegressionEvaluation> metrics(MonitoredTable t) {
        return t.predictions().map(p -> new RegressionEvaluator().evaluate(t.target(), p));
    }

    private static DriftSamples samples(String targetName, MonitoredTable reference, MonitoredTable current) {
        DriftSamples.Builder b = DriftSamples.builder().numeric(targetName, reference.target(), current.target());
        reference
                .features()
                .numerical()
                .forEach(
                        (k, v) -> b.numeric(k, v, current.features().numerical().get(k)));
        if (reference.predictions().isPresent() && current.predictions().isPresent()) {
            b.numeric(
                    PREDICTION,
                    reference.predictions().get(),
                    current.predictions().get());
        }
        reference
                .features()
                .categorical()
                .forEach((k, v) ->
                        b.categorical(k, v, current.features().categorical().get(k)));
        return b.build();
    }
}
