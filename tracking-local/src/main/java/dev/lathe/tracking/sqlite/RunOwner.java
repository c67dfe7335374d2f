package dev.lathe.tracking.sqlite;

import java.util.OptionalLong;

/**
 * The process that runs a RUNNING run: its host, pid and start time, the last heartbeat of its store
 * handle and whether that handle was closed. A run is dead when its owner is: the handle was closed
 * with the run still RUNNING, the process is gone from this host (or its pid now belongs to a process
 * started at another time), or, on another host, no heartbeat came for longer than the grace period.
 */
public record RunOwner(String host, long pid, OptionalLong processStartMillis, long heartbeatMillis, boolean closed) {
    /** Whether this owner can no longer end its runs, as seen from {@code localHost} at {@code nowMillis}. */
    public boolean isDead(String localHost, long nowMillis, long graceMillis) {
        if (closed) {
            return true;
        }
        if (host.equals(localHost)) {
            return ProcessHandle.of(pid)
                    .map(p -> !p.isAlive() || startedElsewhen(p))
                    .orElse(true);
        }
        return nowMillis - heartbeatMillis > graceMillis;
    }

    /** True when the pid was reused: the live process started at another time than the owner did. */
    private boolean startedElsewhen(ProcessHandle p) {
        if (processStartMillis.isEmpty()) {
            return false;
        }
        return p.info()
                .startInstant()
                .map(i -> Math.abs(i.toEpochMilli() - processStartMillis.getAsLong()) > 1_000)
                .orElse(false);
    }

    /** A short description for listings and errors: {@code pid 1234 on host}. */
    public String describe() {
        return "pid " + pid + " on " + host;
    }
}
