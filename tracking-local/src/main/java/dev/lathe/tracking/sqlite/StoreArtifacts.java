package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.tracking.artifacts.LocalArtifactRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The artifact repositories of a {@link JdbcTrackingStore}'s runs: each run's files under the directory
 * its row records (local or on a shared mount), found in a read transaction, and written only while the
 * run can take them.
 */
final class StoreArtifacts {
    private final Database db;
    private final RunDao runs;

    StoreArtifacts(Database db, RunDao runs) {
        this.db = db;
        this.runs = runs;
    }

    /** The repository of the run, for reading. */
    LocalArtifactRepository of(String runId) {
        return new LocalArtifactRepository(
                Path.of(db.read(c -> runs.info(c, runId)).artifactUri()));
    }

    /** The repository of the run, which must be able to take artifacts (active and RUNNING). */
    LocalArtifactRepository writable(String runId) {
        RunInfo info = db.read(c -> runs.requireWritable(c, runId, true));
        return new LocalArtifactRepository(Path.of(info.artifactUri()));
    }

    /**
     * Writes each batch write's files into the repository of its run ({@code ids}, in order), inside the
     * caller's transaction: a file that cannot be written rolls the batch back.
     */
    void writeBatch(Connection c, List<RunWrite> writes, List<String> ids) throws SQLException {
        for (int i = 0; i < writes.size(); i++) {
            Map<String, byte[]> files = writes.get(i).artifacts();
            if (!files.isEmpty()) {
                LocalArtifactRepository repo = new LocalArtifactRepository(
                        Path.of(runs.info(c, ids.get(i)).artifactUri()));
                files.forEach(repo::write);
            }
        }
    }
}
