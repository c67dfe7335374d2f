package dev.lathe.testkit.tracking;

import dev.lathe.core.tracking.Tracker;
import dev.lathe.core.tracking.TrackingStore;
import java.nio.file.Path;

/**
 * The whole store contract: every rule of the tracking store, the {@link TrackerContract} included, as
 * tests that any backend must pass. A backend test extends this class and implements {@link
 * #newStore(Path)}; nothing else changes.
 */
public abstract class TrackingStoreContract
        implements TrackerContract,
                ExperimentContract,
                RunContract,
                LoggingContract,
                BatchWriteContract,
                ValidationContract,
                ArtifactContract,
                RegistryContract,
                SearchContract,
                ChartDataContract,
                ErrorCodeContract,
                TrialQueueContract {

    @Override
    public abstract TrackingStore newStore(Path dir);

    @Override
    public Tracker newTracker(Path dir) {
        return newStore(dir);
    }
}
