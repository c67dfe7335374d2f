package dev.lathe.tracking.sqlite;

import dev.lathe.core.tracking.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of a store's RUNNING runs are alive: this handle claims the runs it starts (its {@link RunOwners}
 * record), beats while it owns any ({@link Heartbeat}), marks itself closed on close, and tells dead runs
 * (their process killed, or their store closed without ending them) from live ones, ending the dead
 * KILLED on request.
 */
final class RunLiveness {
    private final Database db;
    private final RunDao runs;
    private final String heartbeatName;
    private final RunOwners owners = new RunOwners();
    private Heartbeat heartbeat;
    private boolean closed;

    RunLiveness(Database db, RunDao runs, String heartbeatName) {
        this.db = db;
        this.runs = runs;
        this.heartbeatName = heartbeatName;
    }

    /** Records this process as the owner of {@code runId}, inside the write that creates or reopens it. */
    void claim(Connection c, String runId) throws SQLException {
        owners.claim(c, runId);
    }

    /** Starts the heartbeat once this handle owns a run (after the write that claimed it committed). */
    synchronized void beatIfOwning() {
        if (heartbeat == null && !closed && owners.registered()) {
            heartbeat = new Heartbeat(db, owners, RunOwners.heartbeatMillis(), heartbeatName);
        }
    }

    /** The RUNNING runs among {@code runIds} whose owner is dead ({@code dead}) or alive, with that owner. */
    Map<String, RunOwner> byLiveness(List<String> runIds, boolean dead) {
        long now = System.currentTimeMillis();
        Map<String, RunOwner> chosen = new TreeMap<>();
        db.read(c -> RunOwners.ownersOfRunning(c, runIds)).forEach((id, owner) -> {
            if (owner.isDead(RunOwners.localHost(), now, graceMillis()) == dead) {
                chosen.put(id, owner);
            }
        });
        return chosen;
    }

    /** Ends KILLED, now, the runs among {@code runIds} whose owner is dead, re-checked in the write. */
    List<String> endDead(List<String> runIds) {
        return db.write(c -> {
            long now = System.currentTimeMillis();
            List<String> ended = new ArrayList<>();
            for (Map.Entry<String, RunOwner> e : new TreeMap<>(RunOwners.ownersOfRunning(c, runIds)).entrySet()) {
                if (e.getValue().isDead(RunOwners.localHost(), now, graceMillis())) {
                    runs.updateStatus(c, e.getKey(), RunStatus.KILLED, now);
                    ended.add(e.getKey());
                }
            }
            return ended;
        });
    }

    /** Stops the heartbeat and records that this handle closed (its RUNNING runs are then dead). */
    synchronized void close() {
        closed = true;
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (owners.registered()) {
            db.execute(owners::markClosed);
        }
    }

    private static long graceMillis() {
        return RunOwners.heartbeatMillis() * RunOwners.GRACE_HEARTBEATS;
    }
}
