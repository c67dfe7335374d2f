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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SQLite store's {@link TrialQueue}: two tables (migration 8), every operation one {@code BEGIN
 * IMMEDIATE} transaction, which holds the database's single write lock, so claims by several threads and
 * processes on one store are serialized as PostgreSQL's {@code FOR UPDATE SKIP LOCKED} would make them.
 * Times are this machine's clock, which every process sharing a SQLite file shares.
 */
final class SqliteTrialQueue implements TrialQueue {
    static final List<String> SCHEMA = List.of(
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

    private final Db db;

    SqliteTrialQueue(Db db) {
        this.db = db;
    }

    /** A search's row: its spec, how many batches are enqueued and the proposal lease. */
    private record Search(QueueSpec spec, int enqueued, Integer leaseBatch, String leaseWorker, long leaseTime) {}

    @Override
    public void create(String searchId, QueueSpec spec) {
        LatheException.check(searchId != null && !searchId.isBlank(), "a queued search needs an id");
        LatheException.check(spec != null, "search %s needs a queue spec", searchId);
        db.execute(c -> {
            Optional<Search> existing = find(c, searchId);
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
        return db.read(c -> search(c, searchId).spec());
    }

    @Override
    public void enqueue(String searchId, int batch, List<QueuedTrial> trials) {
        LatheException.check(trials != null, "batch %d of search %s needs its trial list", batch, searchId);
        db.execute(c -> {
            Search s = search(c, searchId);
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
                        "INSERT OR IGNORE INTO lathe_queue_trials (search_id, number, batch, state, params)"
                                + " VALUES (?, ?, ?, 'PENDING', ?)",
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
            long now = System.currentTimeMillis();
            Search s = search(c, searchId);
            takeBackStale(c, searchId, s.spec(), now - grace.toMillis(), grace);
            Optional<QueueEntry> next = Sql.queryOne(
                    c,
                    "SELECT " + COLUMNS + " FROM lathe_queue_trials WHERE search_id = ? AND state = 'PENDING'"
                            + " ORDER BY number LIMIT 1",
                    SqliteTrialQueue::entry,
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
    private static void takeBackStale(Connection c, String searchId, QueueSpec spec, long before, Duration grace)
            throws SQLException {
        List<String[]> stale = Sql.query(
                c,
                "SELECT number, attempts, worker_id, run_uuid FROM lathe_queue_trials WHERE search_id = ?"
                        + " AND state = 'RUNNING' AND heartbeat_time < ?",
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
                        System.currentTimeMillis(),
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
                        System.currentTimeMillis(),
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
        return held(claim, "SET heartbeat_time = ?", System.currentTimeMillis());
    }

    @Override
    public boolean complete(TrialClaim claim, String result) {
        LatheException.check(result != null, "trial %d of search %s needs a result", claim.number(), claim.searchId());
        return held(claim, "SET state = 'DONE', result = ?, reason = NULL", result);
    }

    private boolean held(TrialClaim claim, String set, Object value) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE lathe_queue_trials " + set + HELD,
                        value,
                        claim.searchId(),
                        claim.number(),
                        claim.workerId(),
                        claim.attempt())
                == 1);
    }

    @Override
    public List<QueueEntry> entries(String searchId) {
        return db.read(c -> {
            search(c, searchId);
            return Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM lathe_queue_trials WHERE search_id = ? ORDER BY number",
                    SqliteTrialQueue::entry,
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

    private static Search search(Connection c, String searchId) throws SQLException {
        return find(c, searchId)
                .orElseThrow(() -> new ResourceNotFoundException("no queued search with id '" + searchId + "'"));
    }

    private static Optional<Search> find(Connection c, String searchId) throws SQLException {
        return Sql.queryOne(
                c,
                "SELECT trial_count, batch_size, max_retries, enqueued_batches, lease_batch, lease_worker, lease_time"
                        + " FROM lathe_queue_searches WHERE search_id = ?",
                rs -> new Search(
                        new QueueSpec(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        rs.getInt(4),
                        rs.getObject(5) == null ? null : rs.getInt(5),
                        rs.getString(6),
                        rs.getLong(7)),
                searchId);
    }
}
