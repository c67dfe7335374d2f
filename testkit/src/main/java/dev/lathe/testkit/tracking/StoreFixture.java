package dev.lathe.testkit.tracking;

import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;

/** What every contract needs from a backend: a fresh store rooted in a test directory. */
public interface StoreFixture {
    /** A new, empty store rooted at (or configured for) {@code dir}. */
    TrackingStore newStore(Path dir);

    /** Reopens the store at {@code dir}, which a previous {@link #newStore} created. */
    default TrackingStore reopen(Path dir) {
        return newStore(dir);
    }

    default RunInfo newRun(TrackingStore store, String experimentName) {
        String exp = store.getOrCreateExperiment(experimentName);
        return store.createRun(RunSpec.builder(exp).build());
    }
}
