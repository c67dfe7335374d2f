package dev.lathe.tuning;

import dev.lathe.core.LatheException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How a worker serves a distributed search ({@link Study#join}): its id (unique among the workers), how
 * often it heartbeats while it runs a trial or holds a lease, the grace period after which a silent
 * worker's trial is taken back, and how long it waits when there is nothing to claim.
 */
public record WorkerSettings(String workerId, Duration heartbeat, Duration grace, Duration poll) {
    /** Optuna's defaults, scaled to trials of seconds: a beat every 5 s, taken back after 15 s of silence. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);
    public static final Duration DEFAULT_POLL = Duration.ofMillis(50);

    public WorkerSettings {
        LatheException.check(workerId != null && !workerId.isBlank(), "a worker needs an id");
        LatheException.check(
                heartbeat != null && heartbeat.toMillis() >= 1, "worker heartbeat must be >= 1 ms, got %s", heartbeat);
        LatheException.check(
                grace != null && grace.compareTo(heartbeat) > 0,
                "worker grace period must be longer than the heartbeat %s, got %s",
                heartbeat,
                grace);
        LatheException.check(poll != null && poll.toMillis() >= 1, "worker poll must be >= 1 ms, got %s", poll);
    }

    /** Default timings and an id made of this host, this process id and a random suffix. */
    public static WorkerSettings defaults() {
        return new WorkerSettings(defaultId(), DEFAULT_HEARTBEAT, DEFAULT_GRACE, DEFAULT_POLL);
    }

    public WorkerSettings withWorkerId(String id) {
        return new WorkerSettings(id, heartbeat, grace, poll);
    }

    public WorkerSettings withHeartbeat(Duration beat, Duration graceAfter) {
        return new WorkerSettings(workerId, beat, graceAfter, poll);
    }

    public WorkerSettings withPoll(Duration wait) {
        return new WorkerSettings(workerId, heartbeat, grace, wait);
    }

    /** "host-pid-xxxxxxxx" (the JVM's own name is "pid@host"). */
    static String defaultId() {
        String[] pidAtHost = ManagementFactory.getRuntimeMXBean().getName().split("@", 2);
        String host = pidAtHost.length == 2 ? pidAtHost[1] : "host";
        return host + "-" + pidAtHost[0] + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
