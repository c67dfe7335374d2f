package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.Metric;
import java.util.List;
import java.util.Map;

/** Writes the asynchronous writer's batches in one transaction, rejecting runs that are deleted or ended. */
final class MetricSink implements AsyncMetricWriter.Sink {
    private final Database db;
    private final RunDao runs;
    private final RunDataDao data;

    MetricSink(Database db, RunDao runs, RunDataDao data) {
        this.db = db;
        this.runs = runs;
        this.data = data;
    }

    @Override
    public void write(Map<String, List<Metric>> pointsByRun) {
        db.write(c -> {
            for (Map.Entry<String, List<Metric>> e : pointsByRun.entrySet()) {
                runs.requireWritable(c, e.getKey(), true);
                data.putMetrics(c, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    @Override
    public void writeOne(String runId, List<Metric> points) {
        write(Map.of(runId, points));
    }
}
