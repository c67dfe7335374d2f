package dev.lathe.tracking.postgres;

import dev.lathe.core.StorageException;
import dev.lathe.tracking.sqlite.JdbcTrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tracking store that a team shares on PostgreSQL: the same store as the embedded SQLite one (the
 * shared {@link JdbcTrackingStore}, the same contract tests), on a bounded pool of connections, its
 * schema migrated exactly once however many processes open it together, its artifacts under an artifact
 * root every worker reaches (a shared directory), recorded relative to that root so that workers that
 * mount it at different places all find them. Open it with {@link #open(String)}.
 */
public final class PostgresTrackingStore extends JdbcTrackingStore {
    private final PostgresLocation location;

    private PostgresTrackingStore(PostgresDatabase db, PostgresLocation location) {
        super(db, location.artifactRoot(), location.artifactRoot(), "postgres");
        this.location = location;
    }

    /** Whether {@code location} is a PostgreSQL store URL ({@code postgresql://} or {@code jdbc:postgresql:}). */
    public static boolean accepts(String location) {
        return PostgresLocation.accepts(location);
    }

    /**
     * Opens the store at {@code url} ({@code postgresql://user@host:port/db?artifacts=/shared/dir&pool=N},
     * or a {@code jdbc:postgresql:} URL with the same parameters): creates the artifact root when
     * missing, migrates the schema and ensures the default experiment.
     */
    public static PostgresTrackingStore open(String url) {
        PostgresLocation location = PostgresLocation.parse(url);
        try {
            Files.createDirectories(location.artifactRoot());
        } catch (IOException e) {
            throw new StorageException(
                    "cannot create the artifact root " + location.artifactRoot() + " of " + location.redacted() + ": "
                            + e,
                    e);
        }
        PostgresDatabase db = PostgresDatabase.open(location);
        try {
            new PostgresMigrator(PostgresSchema.migrations()).migrate(db, location.schema());
            ensureDefaultExperiment(db, location.artifactRoot(), location.artifactRoot());
            return new PostgresTrackingStore(db, location);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The directory under which this store's artifacts live. */
    public Path artifactRoot() {
        return location.artifactRoot();
    }

    @Override
    public String location() {
        return location.redacted();
    }
}
