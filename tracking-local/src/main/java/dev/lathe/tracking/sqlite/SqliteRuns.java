package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunData;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunInputs;
import java.sql.Connection;
import java.sql.SQLException;

/** Assembles a full {@link Run} (info, latest metrics, params, tags, inputs) in one read transaction. */
final class SqliteRuns {
    private SqliteRuns() {}

    static Run load(Connection c, RunDao runs, RunDataDao data, String runId) throws SQLException {
        RunInfo info = runs.info(c, runId);
        RunData runData = new RunData(data.latestMetrics(c, runId), data.params(c, runId), runs.tags(c, runId));
        return new Run(info, runData, new RunInputs(data.inputs(c, runId)));
    }
}
