package dev.lathe.cli;

import dev.lathe.core.tracking.RunSpec;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;

/** Main of a child JVM that starts a run in the store {@code args[0]}, prints its id and waits to be killed. */
public final class HoldingRun {
    private HoldingRun() {}

    public static void main(String[] args) throws InterruptedException {
        SqliteTrackingStore store = SqliteTrackingStore.open(Path.of(args[0]));
        String id = store.startRun(RunSpec.builder(store.getOrCreateExperiment("held"))
                        .runName("held")
                        .build())
                .runId();
        System.out.println("RUN " + id);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
