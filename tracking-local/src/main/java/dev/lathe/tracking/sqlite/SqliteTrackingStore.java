package dev.lathe.tracking.sqlite;

import dev.lathe.core.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded tracking store: one SQLite file {@code <root>/lathe.db} (WAL, versioned schema) plus
 * artifacts under {@code <root>/artifacts/<experiment_id>/<run_id>/artifacts}. Safe to share between
 * threads and between processes that open the same root. Open with {@link #open(Path)} or {@link
 * #openDefault()}; close it to flush pending metrics and release the file.
 */
public final class SqliteTrackingStore extends JdbcTrackingStore {
    private final Path root;
    private final Db db;

    private SqliteTrackingStore(Path root, Db db) {
        super(db, root, root.resolve(StoreLocation.ARTIFACTS_DIR), String.valueOf(root.getFileName()));
        this.root = root;
        this.db = db;
    }

    /** Opens for writing: creates the directories and the database, migrates, ensures the default experiment. */
    private static SqliteTrackingStore openWritable(Path root, List<Migration> migrations) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.resolve(StoreLocation.ARTIFACTS_DIR));
        } catch (IOException e) {
            throw new StorageException("cannot create tracking store directory " + dir + ": " + e, e);
        }
        Db db = Db.open(dir.resolve(StoreLocation.DB_FILE));
        try {
            new SchemaMigrator(migrations).migrate(db);
            ensureDefaultExperiment(db, dir, dir.resolve(StoreLocation.ARTIFACTS_DIR));
            return new SqliteTrackingStore(dir, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens (creating when absent) the store rooted at {@code root}. */
    public static SqliteTrackingStore open(Path root) {
        return openWritable(root, Schema.migrations());
    }

    /**
     * Opens the store rooted at {@code root} for reading: when its database exists at the current schema
     * it is opened read-only (SQLite's {@code mode=ro}: nothing is written, a read-only copy opens, another
     * process's write lock does not block it), and every write through this handle is an error. A store
     * that does not exist yet, or needs a migration, is opened as by {@link #open(Path)} (created, or
     * migrated) so that reading an older store keeps working; on a read-only older store that fails with
     * an error naming the file.
     */
    public static SqliteTrackingStore openForReading(Path root) {
        return openForReading(root, Schema.migrations());
    }

    static SqliteTrackingStore openForReading(Path root, List<Migration> migrations) {
        Path dir = root.toAbsolutePath().normalize();
        Path file = dir.resolve(StoreLocation.DB_FILE);
        if (!Files.isRegularFile(file)) {
            return openWritable(dir, migrations);
        }
        Db db = Db.openReadOnly(file);
        boolean current;
        try {
            current = new SchemaMigrator(migrations).pending(db) == 0;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        if (!current) {
            db.close();
            return openWritable(dir, migrations);
        }
        return new SqliteTrackingStore(dir, db);
    }

    /** {@link #openForReading(Path)} of the store at {@code lathe.store}, {@code $LATHE_STORE} or {@code ./lathe-store}. */
    public static SqliteTrackingStore openDefaultForReading() {
        return openForReading(StoreLocation.resolve(Optional.empty()));
    }

    /** Opens the store at {@code lathe.store}, {@code $LATHE_STORE} or {@code ./lathe-store}. */
    public static SqliteTrackingStore openDefault() {
        return open(StoreLocation.resolve(Optional.empty()));
    }

    /** Opens with a custom migration list (tests of the migration mechanism). */
    static SqliteTrackingStore open(Path root, List<Migration> migrations) {
        return openWritable(root, migrations);
    }

    public Path root() {
        return root;
    }

    Db db() {
        return db;
    }

    @Override
    public String location() {
        return root.toString();
    }
}
