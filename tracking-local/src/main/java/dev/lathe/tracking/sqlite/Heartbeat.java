package dev.lathe.tracking.sqlite;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that refreshes a store handle's owner row every period while the handle is open, so
 * that another host can tell its runs are alive; started with the first run the handle claims. A beat
 * that fails (the store busy or gone) is logged and the next one tries again.
 */
final class Heartbeat implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

    private final ScheduledExecutorService timer;

    Heartbeat(Database db, RunOwners owners, long periodMillis, String name) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        db.execute(owners::beat);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "run heartbeat on " + db.location() + " failed: " + e, e);
                    }
                },
                periodMillis,
                periodMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
