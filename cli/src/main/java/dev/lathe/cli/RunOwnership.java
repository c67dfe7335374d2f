package dev.lathe.cli;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tracking.sqlite.RunOwner;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.util.List;
import java.util.Map;

/**
 * Which process owns a run, alive or dead, where the store's backend records it (the embedded SQLite
 * store does; the tracking contract does not say it yet): the one place the CLI asks, so that commands
 * take a store of any backend.
 */
final class RunOwnership {
    private RunOwnership() {}

    /** The RUNNING runs among {@code runIds} whose owner is dead; none where the backend records no owners. */
    static Map<String, RunOwner> deadIfRecorded(TrackingStore store, List<String> runIds) {
        return store instanceof SqliteTrackingStore local ? local.deadRuns(runIds) : Map.of();
    }

    /** The RUNNING runs among {@code runIds} whose owner is dead; an error where the backend cannot tell. */
    static Map<String, RunOwner> dead(TrackingStore store, List<String> runIds, String what) {
        return recording(store, what).deadRuns(runIds);
    }

    /** The RUNNING runs among {@code runIds} whose owner is alive; an error where the backend cannot tell. */
    static Map<String, RunOwner> live(TrackingStore store, List<String> runIds, String what) {
        return recording(store, what).liveRuns(runIds);
    }

    /** Ends KILLED the runs among {@code runIds} whose owner is dead; an error where the backend cannot tell. */
    static List<String> endDead(TrackingStore store, List<String> runIds, String what) {
        return recording(store, what).endDeadRuns(runIds);
    }

    private static SqliteTrackingStore recording(TrackingStore store, String what) {
        if (store instanceof SqliteTrackingStore local) {
            return local;
        }
        throw new InvalidParameterException(String.format(
                "%s needs a store that records which process owns a run; the backend of store '%s' (%s) does not",
                what, store.location(), store.getClass().getName()));
    }
}
