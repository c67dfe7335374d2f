package dev.lathe.tracking.sqlite;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.queue.ClaimResult;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueSpec;
import dev.lathe.core.tracking.queue.QueueState;
import dev.lathe.core.tracking.queue.QueuedTrial;
import dev.lathe.core.tracking.queue.TrialClaim;
import dev.lathe.core.tracking.queue.TrialQueue;
import dev.lathe.tracking.search.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@link TrialQueue} of a {@link JdbcTrackingStore}: two tables (SQLite's migration 8, PostgreSQL's
 * own), every operation one transaction. On SQLite each write is a {@code BEGIN IMMEDIATE} transaction,
 * which holds the database's single write lock, so claims by several threads and processes are
 * serialized, and times are this machine's clock, which every process sharing the file shares. On
 * PostgreSQL a worker claims the first pending trial no other transaction holds ({@code FOR UPDATE SKIP
 * LOCKED}), so claims run side by side; the search's row is locked ({@code FOR UPDATE}) only to enqueue
 * a batch or hand out a proposal lease; and times are the server's clock, which workers on every
 * machine share.
 */
final class JdbcTrialQueue implements TrialQueue {
    /** Migration 8 of the SQLite schema. */
    static final List<String> SQLITE_SCHEMA = List.of(
            "CREATE TABLE lathe_queue_searches (search_id TEXT PRIMARY KEY, trial_count INTEGER NOT NULL,"
                    + " batch_size INTEGER NOT NULL, max_retries INTEGER NOT NULL,"
                    + " enqueued_batches INTEGER NOT NULL DEFAULT 0, lease_batch INTEGER, lease_worker TEXT,"
                    + " lease_time INTEGER)",
            "CREATE TABLE lathe_queue_trials (search_id TEXT NOT NULL, number INTEGER NOT NULL,"
                    + " batch INTEGER NOT NULL, state TEXT NOT NULL, params TEXT NOT NULL,"
                    + " attempts INTEGER NOT NULL DEFAULT 0, worker_id TEXT, heartbeat_time INTEGER, run_uuid TEXT,"
                    + " result TEXT, reason TEXT, PRIMARY KEY (search_id, number))",
            "CREATE INDEX index_queue_trials_state ON lathe_queue_trials (search_id, state, number)");

    private static final String HELD =
            " WHERE search_id = ? AND number = ? AND state = 'RUNNING' AND worker_id = ?" + " AND attempts = ?";

    private final Database db;
    /** Row locks after a SELECT: none on SQLite (its transaction holds the file's write lock). */
    private final String lockRow;

    private final String skipLocked;

    JdbcTrialQueue(Database db) {
        this.db = db;
        boolean postgres = db.dialect() == SqlDialect.POSTGRESQL;
        this.lockRow = postgres ? " FOR UPDATE" : "";
        this.skipLocked = postgres ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Milliseconds since the epoch by the clock every process sharing the store shares. */
    private long now(Connection c) throws SQLException {
        if (db.dialect() == SqlDialect.SQLITE) {
            return System.currentTimeMillis();
        }
        return Sql.queryOne(
                        c, "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)", rs -> rs.getLong(1))
                .orElseThrow();
    }

    /** A search's row: its spec, how many batches are enqueued and the proposal lease. */
    private record Search(QueueSpec spec, int enqueued, Integer leaseBatch, String leaseWorker, long leaseTime) {}

    @Override
    public void create(String searchId, QueueSpec spec) {
        LatheException.check(searchId != null && !searchId.isBlank(), "a queued search needs an id");
        LatheException.check(spec != null, "search %s needs a queue spec", searchId);
        db.execute(c -> {
            Optional<Search> existing = find(c, searchId, "");
            if (existing.isPresent()) {
                LatheException.check(
                        ErrorCode.INVALID_PARAMETER_VALUE,
                        existing.get().spec().equals(spec),
                        "search %s is queued with %s, not %s",
                        searchId,
                        existing.get().spec(),
                        spec);
                return;
            }
            Sql.update(
                    c,
                    "INSERT INTO lathe_queue_searches (search_id, trial_count, batch_size, max_retries)"
                            + " VALUES (?, ?, ?, ?)",
                    searchId,
                    spec.trialCount(),
                    spec.batchSize(),
                    spec.maxRetries());
        });
    }

    @Override
    public QueueSpec spec(String searchId) {
        return db.read(c -> search(c, searchId, "").spec());
    }

    @Override
    public void enqueue(String searchId, int batch, List<QueuedTrial> trials) {
        LatheException.check(trials != null, "batch %d of search %s needs its trial list", batch, searchId);
        db.execute(c -> {
            Search s = search(c, searchId, lockRow);
            QueueSpec spec = s.spec();
            LatheException.check(
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    batch >= 0 && batch <= Math.max(s.enqueued(), 0) && batch <= spec.batchCount(),
                    "search %s: cannot enqueue batch %d, %d of %d batches are enqueued",
                    searchId,
                    batch,
                    s.enqueued(),
                    spec.batchCount());
            if (batch < s.enqueued()) {
                return; // proposed again after an expired lease: the first proposal stands
            }
            int expected = batch == spec.batchCount() ? 0 : spec.sizeOf(batch);
            LatheException.check(
                    ErrorCode.INVALID_PARAMETER_VALUE,
                    trials.size() == expected,
                    "search %s: batch %d needs %d trials, got %d",
                    searchId,
                    batch,
                    expected,
                    trials.size());
            for (QueuedTrial t : trials) {
                LatheException.check(
                        ErrorCode.INVALID_PARAMETER_VALUE,
                        t.number() < spec.trialCount() && spec.batchOf(t.number()) == batch,
                        "search %s: trial %d is not in batch %d",
                        searchId,
                        t.number(),
                        batch);
                Sql.update(
                        c,
                        "INSERT INTO lathe_queue_trials (search_id, number, batch, state, params)"
                                + " VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING",
                        searchId,
                        t.number(),
                        batch,
                        t.params());
            }
            Sql.update(
                    c,
                    "UPDATE lathe_queue_searches SET enqueued_batches = ?, lease_batch = NULL, lease_worker = NULL,"
                            + " lease_time = NULL WHERE search_id = ?",
                    batch + 1,
                    searchId);
        });
    }

    @Override
    public ClaimResult claim(String searchId, String workerId, Duration grace) {
        LatheException.check(workerId != null && !workerId.isBlank(), "a worker needs an id");
        LatheException.check(grace != null && !grace.isNegative(), "grace must be >= 0, got %s", grace);
        return db.write(c -> {
            long now = now(c);
            QueueSpec spec = search(c, searchId, "").spec();
            takeBackStale(c, searchId, spec, now - grace.toMillis(), grace);
            Optional<QueueEntry> next = Sql.queryOne(
                    c,
                    "SELECT " + COLUMNS + " FROM lathe_queue_trials WHERE search_id = ? AND state = 'PENDING'"
                            + " ORDER BY number LIMIT 1" + skipLocked,
                    JdbcTrialQueue::entry,
                    searchId);
            if (next.isPresent()) {
                QueueEntry e = next.get();
                Sql.update(
                        c,
                        "UPDATE lathe_queue_trials SET state = 'RUNNING', worker_id = ?, heartbeat_time = ?,"
                                + " attempts = attempts + 1, run_uuid = NULL WHERE search_id = ? AND number = ?",
                        workerId,
                        now,
                        searchId,
                        e.number());
                return new ClaimResult.Run(
                        new TrialClaim(searchId, e.number(), e.batch(), e.params(), e.attempts() + 1, workerId));
            }
            Search s = search(c, searchId, lockRow); // read again under the lock: enqueues and leases wait
            if (s.enqueued() > s.spec().batchCount()) {
                return new ClaimResult.Finished();
            }
            int open = Sql.queryOne(
                            c,
                            "SELECT COUNT(*) FROM lathe_queue_trials WHERE search_id = ? AND state IN"
                                    + " ('PENDING', 'RUNNING')",
                            rs -> rs.getInt(1),
                            searchId)
                    .orElse(0);
            boolean leaseFree = s.leaseBatch() == null || s.leaseTime() < now - grace.toMillis();
            if (open > 0 || !leaseFree || s.enqueued() == 0) {
                return new ClaimResult.Wait();
            }
            Sql.update(
                    c,
                    "UPDATE lathe_queue_searches SET lease_batch = ?, lease_worker = ?, lease_time = ?"
                            + " WHERE search_id = ?",
                    s.enqueued(),
                    workerId,
                    now,
                    searchId);
            return s.enqueued() == s.spec().batchCount()
                    ? new ClaimResult.Finish(s.enqueued())
                    : new ClaimResult.Propose(s.enqueued());
        });
    }

    /** Queues again (or fails, retries spent) each RUNNING trial not heartbeating since {@code before}. */
    private void takeBackStale(Connection c, String searchId, QueueSpec spec, long before, Duration grace)
            throws SQLException {
        List<String[]> stale = Sql.query(
                c,
                "SELECT number, attempts, worker_id, run_uuid FROM lathe_queue_trials WHERE search_id = ?"
                        + " AND state = 'RUNNING' AND heartbeat_time < ? ORDER BY number" + skipLocked,
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                searchId,
                before);
        for (String[] row : stale) {
            int attempts = Integer.parseInt(row[1]);
            boolean spent = attempts > spec.maxRetries();
            String reason = "worker " + row[2] + " stopped heartbeating for more than " + grace.toMillis() + " ms"
                    + " on attempt " + attempts + (spent ? "; retries exhausted (max " + spec.maxRetries() + ")" : "");
            if (row[3] != null) {
                Sql.update(
                        c,
                        "UPDATE runs SET status = ?, end_time = ? WHERE run_uuid = ? AND status = 'RUNNING'",
                        RunStatus.KILLED.name(),
                        now(c),
                        row[3]);
            }
            Sql.update(
                    c,
                    "UPDATE lathe_queue_trials SET state = ?, reason = ? WHERE search_id = ? AND number = ?",
                    spent ? QueueState.FAILED.name() : QueueState.PENDING.name(),
                    reason,
                    searchId,
                    Integer.parseInt(row[0]));
        }
    }

    @Override
    public boolean holdLease(String searchId, int batch, String workerId) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE lathe_queue_searches SET lease_time = ? WHERE search_id = ? AND lease_batch = ?"
                                + " AND lease_worker = ?",
                        now(c),
                        searchId,
                        batch,
                        workerId)
                == 1);
    }

    @Override
    public void attachRun(TrialClaim claim, String runId) {
        held(claim, "SET run_uuid = ?", runId);
    }

    @Override
    public boolean heartbeat(TrialClaim claim) {
        return held(claim, "SET heartbeat_time = ?", null);
    }

    @Override
    public boolean complete(TrialClaim claim, String result) {
        LatheException.check(result != null, "trial %d of search %s needs a result", claim.number(), claim.searchId());
        return held(claim, "SET state = 'DONE', result = ?, reason = NULL", result);
    }

    /** Applies {@code set} to the claimed row while the claim holds; a null {@code value} binds the time. */
    private boolean held(TrialClaim claim, String set, Object value) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE lathe_queue_trials " + set + HELD,
                        value == null ? now(c) : value,
                        claim.searchId(),
                        claim.number(),
                        claim.workerId(),
                        claim.attempt())
                == 1);
    }

    @Override
    public List<QueueEntry> entries(String searchId) {
        return db.read(c -> {
            search(c, searchId, "");
            return Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM lathe_queue_trials WHERE search_id = ? ORDER BY number",
                    JdbcTrialQueue::entry,
                    searchId);
        });
    }

    private static final String COLUMNS = "number, batch, state, params, attempts, worker_id, result, reason";

    private static QueueEntry entry(java.sql.ResultSet rs) throws SQLException {
        return new QueueEntry(
                rs.getInt(1),
                rs.getInt(2),
                QueueState.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getInt(5),
                Optional.ofNullable(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)));
    }

    /** The search's row, read with {@code lock} (a row lock or nothing); an error when there is none. */
    private static Search search(Connection c, String searchId, String lock) throws SQLException {
        return find(c, searchId, lock)
                .orElseThrow(() -> new ResourceNotFoundException("no queued search with id '" + searchId + "'"));
    }

    private static Optional<Search> find(Connection c, String searchId, String lock) throws SQLException {
        return Sql.queryOne(
                c,
                "SELECT trial_count, batch_size, max_retries, enqueued_batches, lease_batch, lease_worker, lease_time"
                        + " FROM lathe_queue_searches WHERE search_id = ?" + lock,
                rs -> new Search(
                        new QueueSpec(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        rs.getInt(4),
                        rs.getObject(5) == null ? null : rs.getInt(5),
                        rs.getString(6),
                        rs.getLong(7)),
                searchId);
    }
}
