package dev.lathe.workflow;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The entry point: opens a tracking store and runs the whole course from one object. {@link
 * #experiment} trains, tunes and evaluates in tracked runs that follow one convention; {@link
 * #register} makes a run's model a registered version with its aliases; {@link #load} gives back a
 * pipeline by URI that predicts a row or a table.
 *
 * <pre>{@code
 * try (Lathe lathe = Lathe.open("lathe-store")) { // or "postgresql://db:5432/lathe" with that backend
 *     var run = lathe.experiment("taxi").train(new RidgeTrainer(RidgeParams.of(1.0)), data);
 *     lathe.register(run.runId(), "taxi-duration", "champion");
 *     double minutes = lathe.load("models:/taxi-duration@champion").predict(new TripRecord("166", "143", 2.58));
 * }
 * }</pre>
 */
public final class Lathe implements AutoCloseable {
    private final TrackingStore store;

    private Lathe(TrackingStore store) {
        this.store = store;
    }

    /** Opens (creating when needed) the embedded SQLite store in directory {@code store}. */
    public static Lathe open(Path store) {
        return new Lathe(SqliteTrackingStore.open(store));
    }

    /**
     * Opens (creating when needed) the store at {@code location}: a directory, or a URL whose scheme names
     * the backend on the class path ({@code postgresql://host:5432/db}); see {@link StoreAddress} for the rule.
     */
    public static Lathe open(String location) {
        return new Lathe(StoreAddress.of(location).open());
    }

    /** Opens the store that {@code -Dlathe.store}, {@code $LATHE_STORE} or {@code ./lathe-store} names. */
    public static Lathe openDefault() {
        return new Lathe(StoreAddress.resolve(Optional.empty()).open());
    }

    /** Uses an open store (another backend, or one the caller manages); closing this closes it. */
    public static Lathe on(TrackingStore store) {
        return new Lathe(store);
    }

    /** The experiment named {@code name}, created when it does not exist. */
    public TrackedExperiment experiment(String name) {
        return new TrackedExperiment(store, name);
    }

    /** Registers run {@code runId}'s {@code model/} as a new version of {@code name}, with these aliases. */
    public ModelVersion register(String runId, String name, String... aliases) {
        return ModelRegistration.register(store, runId, name, List.of(aliases));
    }

    /** The pipeline a {@code models:/}, {@code runs:/} URI or a file path names. */
    public FittedPipeline load(String reference) {
        return PipelineSource.load(reference, store);
    }

    /** The store underneath, for what the entry point does not cover (search, registry, artifacts). */
    public TrackingStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
