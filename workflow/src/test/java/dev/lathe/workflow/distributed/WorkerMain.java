package dev.lathe.workflow.distributed;

import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tuning.WorkerSettings;
import java.time.Duration;

/**
 * A worker JVM for the distributed tests: {@code STORE(DIR|URL) PARENT_RUN_ID WORKER_ID HEARTBEAT_MS GRACE_MS
 * MILLIS_PER_TRIAL} joins the search and serves it until it has ended, then prints "done".
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        try (TrackingStore store = StoreAddress.of(args[0]).open()) {
            WorkerSettings settings = WorkerSettings.defaults()
                    .withWorkerId(args[2])
                    .withHeartbeat(
                            Duration.ofMillis(Long.parseLong(args[3])), Duration.ofMillis(Long.parseLong(args[4])));
            QueueSearches.study(store, 1, Long.parseLong(args[5])).join(args[1], settings);
        }
        System.out.println("done");
    }
}
