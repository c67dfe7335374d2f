package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.KeyMatches;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MetricSummary;
import dev.lathe.core.tracking.RunDataKind;
import java.util.Collection;
import java.util.List;

/**
 * The reads of a {@link JdbcTrackingStore} that charts and column pickers make: each checks its input and
 * that the run or experiment exists, then runs {@link RunDataViews}' statements in one read transaction.
 */
final class ChartReads {
    private final Database db;
    private final RunDao runs;
    private final ExperimentDao experiments;
    private final RunDataDao data;

    ChartReads(Database db, RunDao runs, ExperimentDao experiments, RunDataDao data) {
        this.db = db;
        this.runs = runs;
        this.experiments = experiments;
        this.data = data;
    }

    List<Metric> history(String runId, String key) {
        return db.read(c -> {
            runs.info(c, runId);
            return data.history(c, runId, key);
        });
    }

    List<MetricSummary> summarize(Collection<String> runIds, Collection<String> keys) {
        return db.read(c -> RunDataViews.summarize(c, runIds, keys));
    }

    List<Metric> sample(String runId, String key, long firstStep, long lastStep, int maxPoints) {
        LatheException.check(maxPoints >= 1, "a history sample needs at least 1 point, got %d", maxPoints);
        return db.read(c -> {
            runs.info(c, runId);
            return RunDataViews.sampleHistory(c, db.dialect(), runId, key, firstStep, lastStep, maxPoints);
        });
    }

    KeyMatches keys(String experimentId, RunDataKind kind, String contains, int maxResults) {
        LatheException.check(maxResults >= 0, "maxResults must be >= 0, got %d", maxResults);
        return db.read(c -> {
            experiments.get(c, experimentId);
            return RunDataViews.keys(c, Sql.parseId("experiment", experimentId), kind, contains, maxResults);
        });
    }
}
