package dev.lathe.tracking.sqlite;

import dev.lathe.core.StorageException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The owner record of one store handle (host, pid, process start, heartbeat) and the runs it started or
 * resumed (tables {@code lathe_owners} and {@code lathe_run_owners}, migration 6), so that Lathe tells a
 * run whose process was killed from one still being logged. The owner row is written with the first run
 * the handle claims; the {@link Heartbeat} refreshes it; closing the handle marks it closed.
 */
final class RunOwners {
    /** The heartbeat's default period; {@code lathe.heartbeat.seconds} overrides it. */
    static final long DEFAULT_HEARTBEAT_MILLIS = 10_000;
    /** A run of another host is dead after this many missed heartbeats. */
    static final int GRACE_HEARTBEATS = 6;

    private final String ownerId = UUID.randomUUID().toString().replace("-", "");
    private final String host = localHost();
    private final long pid = ProcessHandle.current().pid();
    private final OptionalLong processStart = ProcessHandle.current()
            .info()
            .startInstant()
            .map(i -> OptionalLong.of(i.toEpochMilli()))
            .orElse(OptionalLong.empty());
    private final AtomicBoolean registered = new AtomicBoolean();

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new StorageException("cannot tell this host's name for the run owner record: " + e, e);
        }
    }

    /** The heartbeat period: {@code lathe.heartbeat.seconds} when set, else 10 s. */
    static long heartbeatMillis() {
        String s = System.getProperty("lathe.heartbeat.seconds");
        return s == null || s.isBlank() ? DEFAULT_HEARTBEAT_MILLIS : Math.max(1, Long.parseLong(s.trim())) * 1000;
    }

    String ownerId() {
        return ownerId;
    }

    /** True once this handle claimed a run (and so has an owner row to keep alive). */
    boolean registered() {
        return registered.get();
    }

    /** Records this handle as the owner of {@code runId} (in the caller's write transaction). */
    void claim(Connection c, String runId) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO lathe_owners (owner_id, host, pid, process_start, heartbeat_time, closed)"
                        + " VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (owner_id) DO UPDATE SET heartbeat_time ="
                        + " excluded.heartbeat_time, closed = 0",
                ownerId,
                host,
                pid,
                processStart.isPresent() ? processStart.getAsLong() : null,
                System.currentTimeMillis());
        Sql.update(
                c,
                "INSERT INTO lathe_run_owners (run_uuid, owner_id) VALUES (?, ?)"
                        + " ON CONFLICT (run_uuid) DO UPDATE SET owner_id = excluded.owner_id",
                runId,
                ownerId);
        registered.set(true);
    }

    void beat(Connection c) throws SQLException {
        Sql.update(
                c,
                "UPDATE lathe_owners SET heartbeat_time = ? WHERE owner_id = ?",
                System.currentTimeMillis(),
                ownerId);
    }

    void markClosed(Connection c) throws SQLException {
        Sql.update(c, "UPDATE lathe_owners SET closed = 1 WHERE owner_id = ?", ownerId);
    }

    /** The owners of the RUNNING, active runs among {@code runIds} (runs without an owner record are absent). */
    static Map<String, RunOwner> ownersOfRunning(Connection c, List<String> runIds) throws SQLException {
        Map<String, RunOwner> owners = new HashMap<>();
        for (int from = 0; from < runIds.size(); from += 500) {
            List<String> chunk = runIds.subList(from, Math.min(runIds.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Map.Entry<String, RunOwner>> rows = Sql.query(
                    c,
                    "SELECT r.run_uuid, o.host, o.pid, o.process_start, o.heartbeat_time, o.closed FROM runs r"
                            + " JOIN lathe_run_owners ro ON ro.run_uuid = r.run_uuid"
                            + " JOIN lathe_owners o ON o.owner_id = ro.owner_id"
                            + " WHERE r.status = 'RUNNING' AND r.lifecycle_stage = 'active' AND r.run_uuid IN ("
                            + marks + ")",
                    rs -> {
                        long start = rs.getLong(4);
                        OptionalLong processStart = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(start);
                        return Map.entry(
                                rs.getString(1),
                                new RunOwner(
                                        rs.getString(2),
                                        rs.getLong(3),
                                        processStart,
                                        rs.getLong(5),
                                        rs.getInt(6) != 0));
                    },
                    chunk.toArray());
            rows.forEach(e -> owners.put(e.getKey(), e.getValue()));
        }
        return owners;
    }
}
