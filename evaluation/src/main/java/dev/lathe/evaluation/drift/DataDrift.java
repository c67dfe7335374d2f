package dev.lathe.evaluation.drift;

import java.util.List;

/**
 * Every column's drift and the dataset's decision: it drifts when the share of drifted columns is at
 * least {@code driftShare} (Evidently's rule, 0.5 by default).
 */
public record DataDrift(List<ColumnDrift> columns, double driftShare) {
    public DataDrift {
        columns = List.copyOf(columns);
    }

    public int driftedCount() {
        return (int) columns.stream().filter(ColumnDrift::drifted).count();
    }

    /** Drifted columns over all columns. */
    public double share() {
        return columns.isEmpty() ? 0 : (double) driftedCount() / columns.size();
    }

    public boolean datasetDrift() {
        return !columns.isEmpty() && share() >= driftShare;
    }
}
