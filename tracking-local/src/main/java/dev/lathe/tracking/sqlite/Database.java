package dev.lathe.tracking.sqlite;

import dev.lathe.tracking.search.SqlDialect;

/**
 * The transactions a {@link JdbcTrackingStore} runs its statements in, whatever the engine (one SQLite
 * file, a pool of PostgreSQL connections): each unit of work runs in one transaction, retried by the
 * implementation where its engine asks for it (SQLite's busy database, PostgreSQL's deadlock and
 * serialization failures), never half applied.
 */
public interface Database extends AutoCloseable {
    /** Runs {@code work} in a write transaction and returns its result. */
    <T> T write(SqlWork<T> work);

    /** Runs {@code work} in a read transaction, so that it sees one consistent snapshot. */
    <T> T read(SqlWork<T> work);

    /** Runs {@code work}, which returns nothing, in a write transaction. */
    default void execute(SqlAction work) {
        write(c -> {
            work.run(c);
            return null;
        });
    }

    /** True when every write through this handle is refused. */
    boolean readOnly();

    /** The SQL flavour of the search statements. */
    SqlDialect dialect();

    /** Where the database is, for messages (a file or a URL without its password). */
    String location();

    @Override
    void close();
}
