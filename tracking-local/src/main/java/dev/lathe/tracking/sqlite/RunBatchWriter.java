package dev.lathe.tracking.sqlite;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.tracking.validation.EntityValidator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a {@link dev.lathe.core.tracking.Tracker#writeRuns} batch inside one transaction: creates
 * runs with their real start times, adds params (immutable), metric points (written here, not through
 * the asynchronous writer) and tags, and ends runs at their real end times. It first checks every
 * rule in Java (run states, param immutability) while collecting rows per table, then writes each
 * table through one prepared statement in JDBC batches ({@link RowInserter}): a burst of a thousand
 * search trials costs one transaction and six statements. Keys are validated before the transaction.
 */
final class RunBatchWriter {
    private static final String SEP = "\u0000";

    /** Metric point rows (key, value, timestamp, run_uuid, step, ...) by run, key, timestamp, step, value. */
    private static final Comparator<Object[]> POINT_ORDER = Comparator.<Object[], String>comparing(r -> (String) r[3])
            .thenComparing(r -> (String) r[0])
            .thenComparingLong(r -> ((Number) r[2]).longValue())
            .thenComparingLong(r -> ((Number) r[4]).longValue())
            .thenComparingDouble(r -> ((Number) r[1]).doubleValue());

    private final RunDao runs;

    RunBatchWriter(RunDao runs) {
        this.runs = runs;
    }

    /** Validates every write with MLflow's per-request rules (limits, duplicate keys, key syntax). */
    static void validate(List<RunWrite> writes) {
        for (RunWrite w : writes) {
            List<Metric> metrics = new ArrayList<>(w.metrics().size());
            w.metrics().forEach(p -> metrics.add(new Metric(p.key(), p.value(), p.timestampMillis(), p.step())));
            List<Param> params = new ArrayList<>(w.params().size());
            w.params().forEach((k, v) -> params.add(new Param(k, v)));
            List<RunTag> tags = new ArrayList<>(w.tags().size());
            w.tags().forEach((k, v) -> tags.add(new RunTag(k, v)));
            EntityValidator.checkBatch(metrics, params, tags);
        }
    }

    /** Applies the writes in order on {@code c}, which is inside a write transaction; returns run ids. */
    List<String> apply(Connection c, List<RunWrite> writes) throws SQLException {
        Batch b = new Batch(c);
        List<String> ids = new ArrayList<>(writes.size());
        for (RunWrite w : writes) {
            ids.add(b.collect(w));
        }
        b.write();
        return ids;
    }

    /** A run created by this batch, with the status it is inserted with. */
    private static final class Created {
        final RunDao.NewRun run;
        RunStatus status = RunStatus.RUNNING;
        Long endTime;

        Created(RunDao.NewRun run) {
            this.run = run;
        }
    }

    /** The rows of one batch, collected and checked before anything is written. */
    private final class Batch {
        private final Connection c;
        private final Map<String, Experiment> experiments = new HashMap<>();
        private final Map<String, RunStatus> status = new HashMap<>();
        private final Map<String, Created> created = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> storedParams = new HashMap<>();
        // Rows are written in (run, key) order, so that concurrent writers of the same rows take their row
        // locks in one order and never deadlock (PostgreSQL; mlflow#24923).
        private final Map<String, Object[]> paramRows = new TreeMap<>();
        private final Map<String, Object[]> tagRows = new TreeMap<>();
        private final List<Object[]> pointRows = new ArrayList<>();
        private final Map<String, Metric> latest = new TreeMap<>();
        private final Map<String, Object[]> ends = new LinkedHashMap<>();
        private final Map<String, String> renames = new LinkedHashMap<>();

        Batch(Connection c) {
            this.c = c;
        }

        String collect(RunWrite w) throws SQLException {
            String id = w.create().isPresent()
                    ? create(w.create().get(), w.startTimeMillis())
                    : w.runId().orElseThrow();
            RunStatus current = status(id);
            if (!w.metrics().isEmpty() || !w.params().isEmpty()) {
                LatheException.check(
                        ErrorCode.INVALID_STATE,
                        !current.isTerminal(),
                        "run %s has ended with status %s; logging to it is not allowed",
                        id,
                        current);
            }
            for (Map.Entry<String, String> p : w.params().entrySet()) {
                param(id, p.getKey(), p.getValue());
            }
            for (RunWrite.Point p : w.metrics()) {
                Metric m = new Metric(p.key(), p.value(), p.timestampMillis(), p.step());
                double stored = MetricValues.stored(m.value());
                pointRows.add(new Object[] {
                    m.key(),
                    stored,
                    m.timestamp(),
                    id,
                    m.step(),
                    MetricValues.isNan(m.value()),
                    MetricValues.isInf(m.value())
                });
                latest.merge(id + SEP + m.key(), m, (x, y) -> RunDataDao.compare(x, y) >= 0 ? x : y);
            }
            w.tags().forEach((k, v) -> tag(id, k, v));
            if (w.endStatus().isPresent()) {
                RunStatus end = w.endStatus().get();
                long time = w.endTimeMillis().getAsLong();
                Created mine = created.get(id);
                if (mine != null) {
                    mine.status = end;
                    mine.endTime = time;
                } else {
                    ends.put(id, new Object[] {end.name(), time, id});
                }
                status.put(id, end);
            }
            return id;
        }

        private String create(RunSpec spec, long startTime) throws SQLException {
            Experiment exp = experiments.get(spec.experimentId());
            if (exp == null) {
                exp = runs.checkedExperiment(c, spec.experimentId());
                experiments.put(spec.experimentId(), exp);
            }
            if (spec.parentRunId().isPresent()) {
                status(spec.parentRunId().get());
            }
            RunDao.NewRun run = runs.plan(exp, spec, startTime);
            created.put(run.runId(), new Created(run));
            status.put(run.runId(), RunStatus.RUNNING);
            run.tags().forEach((k, v) -> tag(run.runId(), k, v));
            return run.runId();
        }

        /** The status of an active run; a missing or deleted run is an error naming it. */
        private RunStatus status(String id) throws SQLException {
            RunStatus known = status.get(id);
            if (known != null) {
                return known;
            }
            try (PreparedStatement ps =
                            Sql.prepare(c, "SELECT status, lifecycle_stage FROM runs WHERE run_uuid = ?", id);
                    ResultSet rs = ps.executeQuery()) {
                LatheException.check(ErrorCode.RESOURCE_DOES_NOT_EXIST, rs.next(), "no run with id '%s'", id);
                LatheException.check(
                        ErrorCode.INVALID_STATE,
                        LifecycleStage.fromDb(rs.getString(2)) == LifecycleStage.ACTIVE,
                        "run %s is deleted; restore it before logging to it",
                        id);
                RunStatus s = RunStatus.valueOf(rs.getString(1));
                status.put(id, s);
                return s;
            }
        }

        private void param(String id, String key, String value) throws SQLException {
            Object[] pending = paramRows.get(id + SEP + key);
            String old = pending != null ? (String) pending[1] : stored(id).get(key);
            if (old == null) {
                paramRows.put(id + SEP + key, new Object[] {key, value, id});
                return;
            }
            LatheException.check(
                    old.equals(value),
                    "param '%s' of run %s is immutable: logged value '%s', new value '%s'",
                    key,
                    id,
                    old,
                    value);
        }

        /** The params a run had before this batch (none for runs it creates). */
        private Map<String, String> stored(String id) throws SQLException {
            if (created.containsKey(id)) {
                return Map.of();
            }
            Map<String, String> known = storedParams.get(id);
            if (known == null) {
                known = new HashMap<>();
                for (String[] kv : Sql.query(
                        c,
                        "SELECT key, value FROM params WHERE run_uuid = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2)},
                        id)) {
                    known.put(kv[0], kv[1]);
                }
                storedParams.put(id, known);
            }
            return known;
        }

        private void tag(String id, String key, String value) {
            tagRows.put(id + SEP + key, new Object[] {key, value, id});
            if (key.equals(MlflowTags.RUN_NAME)) {
                renames.put(id, value);
            }
        }

        /** Writes every collected row, parents before children (runs first, for the foreign keys). */
        void write() throws SQLException {
            try (RowInserter in = new RowInserter(c, RunDao.INSERT_RUNS, RunDao.RUN_COLUMNS, "")) {
                for (Created r : created.values()) {
                    in.add(runs.row(r.run, r.status, r.endTime));
                }
                in.flush();
            }
            try (RowInserter in = new RowInserter(c, RunDao.TAG_INSERT_HEAD, 3, RunDao.TAG_CONFLICT)) {
                for (Object[] row : tagRows.values()) {
                    in.add(row);
                }
                in.flush();
            }
            try (RowInserter in = new RowInserter(c, "INSERT INTO params (key, value, run_uuid) VALUES", 3, "")) {
                for (Object[] row : paramRows.values()) {
                    in.add(row);
                }
                in.flush();
            }
            try (RowInserter in = new RowInserter(
                    c,
                    "INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan, is_inf) VALUES",
                    7,
                    "ON CONFLICT DO NOTHING")) {
                pointRows.sort(POINT_ORDER);
                for (Object[] row : pointRows) {
                    in.add(row);
                }
                in.flush();
            }
            writeLatest();
            update("UPDATE runs SET status = ?, end_time = ? WHERE run_uuid = ?", ends.values());
            List<Object[]> renameRows = new ArrayList<>();
            renames.forEach((id, name) -> {
                if (!created.containsKey(id) || !created.get(id).run.runName().equals(name)) {
                    renameRows.add(new Object[] {name, id});
                }
            });
            update("UPDATE runs SET name = ? WHERE run_uuid = ?", renameRows);
        }

        private void writeLatest() throws SQLException {
            try (RowInserter in = new RowInserter(
                    c,
                    "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, is_inf, run_uuid) VALUES",
                    7,
                    RunDataDao.LATEST_CONFLICT)) {
                for (Map.Entry<String, Metric> e : latest.entrySet()) {
                    Metric m = e.getValue();
                    String id = e.getKey().substring(0, e.getKey().indexOf(SEP));
                    in.add(RunDataDao.latestRow(id, m));
                }
                in.flush();
            }
        }

        private void update(String sql, Iterable<Object[]> rows) throws SQLException {
            PreparedStatement ps = null;
            try {
                for (Object[] row : rows) {
                    if (ps == null) {
                        ps = c.prepareStatement(sql);
                    }
                    Sql.bind(ps, row);
                    ps.addBatch();
                }
                if (ps != null) {
                    ps.executeBatch();
                }
            } finally {
                if (ps != null) {
                    ps.close();
                }
            }
        }
    }
}
