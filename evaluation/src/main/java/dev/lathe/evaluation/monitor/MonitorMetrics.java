package dev.lathe.evaluation.monitor;

import dev.lathe.evaluation.drift.ColumnDrift;
import dev.lathe.evaluation.drift.DataDrift;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names a monitoring run logs its figures under, declared once: per batch (one step each) the drift
 * share, decision and count, each column's score and decision, the batch's rows and first day, and the
 * model's metrics; the whole current data under {@link #OVERALL}, the reference's metrics under {@link
 * #REFERENCE} and their change under {@link #CHANGE}.
 */
public final class MonitorMetrics {
    public static final String DRIFT_SHARE = "drift_share";
    public static final String DATASET_DRIFT = "dataset_drift";
    public static final String DRIFTED_COLUMNS = "drifted_columns";
    public static final String COLUMN_SCORE = ".drift_score";
    public static final String COLUMN_DRIFTED = ".drifted";
    public static final String DRIFT_PREFIX = "drift.";
    public static final String ROWS = "rows";
    public static final String EPOCH_DAY = "batch_epoch_day";
    public static final String OVERALL = "overall.";
    public static final String REFERENCE = "reference.";
    public static final String CHANGE = "change.";

    private MonitorMetrics() {}

    /** A drift result and the model's metrics as flat metrics, each name prefixed with {@code prefix}. */
    public static Map<String, Double> of(String prefix, int rows, DataDrift drift, Optional<RegressionEvaluation> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + ROWS, (double) rows);
        out.put(prefix + DRIFT_SHARE, drift.share());
        out.put(prefix + DATASET_DRIFT, drift.datasetDrift() ? 1.0 : 0.0);
        out.put(prefix + DRIFTED_COLUMNS, (double) drift.driftedCount());
        for (ColumnDrift c : drift.columns()) {
            out.put(prefix + DRIFT_PREFIX + c.column() + COLUMN_SCORE, c.score());
            out.put(prefix + DRIFT_PREFIX + c.column() + COLUMN_DRIFTED, c.drifted() ? 1.0 : 0.0);
        }
        m.ifPresent(e -> e.toMap().forEach((k, v) -> out.put(prefix + k, v)));
        return out;
    }

    /** One batch's figures (unprefixed, logged at the batch's step) with its first day. */
    public static Map<String, Double> batch(MonitorBatch b) {
        Map<String, Double> out = of("", b.rows(), b.drift(), b.metrics());
        out.put(EPOCH_DAY, (double) b.start().toEpochDay());
        return out;
    }

    /** The whole comparison's figures: overall drift and metrics, the reference's metrics and the change. */
    public static Map<String, Double> overall(MonitorReport r) {
        Map<String, Double> out = of(OVERALL, r.currentRows(), r.drift(), r.currentMetrics());
        r.referenceMetrics().ifPresent(e -> e.toMap().forEach((k, v) -> out.put(REFERENCE + k, v)));
        r.metricChange().forEach((k, v) -> out.put(CHANGE + k, v));
        return out;
    }
}
