package dev.lathe.examples.registry;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.tlc.TripRecord;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.workflow.PipelineSource;
import java.nio.file.Path;

/**
 * Loads a registered pipeline by URI in a fresh JVM and predicts one trip, printing the prediction
 * exactly ({@link Double#toString}) on stdout: the serving side of {@link RegistryWorkflowExample}.
 *
 * <p>Usage: {@code ChampionLoader STORE_DIR URI PU_LOCATION DO_LOCATION TRIP_DISTANCE}.
 */
public final class ChampionLoader {
    private ChampionLoader() {}

    /** The prediction of the pipeline at {@code uri} for one trip. */
    public static double predict(Path storeDir, String uri, TripRecord trip) {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(storeDir)) {
            FittedPipeline pipeline = PipelineSource.load(uri, store);
            return pipeline.predict(trip);
        }
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ChampionLoader STORE_DIR URI PU_LOCATION DO_LOCATION TRIP_DISTANCE");
            System.exit(2);
        }
        try {
            double distance = parseDistance(args[4]);
            System.out.println(predict(Path.of(args[0]), args[1], new TripRecord(args[2], args[3], distance)));
        } catch (LatheException e) {
            System.err.println("lathe: error [" + e.errorCode() + "]: " + e.getMessage());
            System.exit(2);
        }
    }

    private static double parseDistance(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("TRIP_DISTANCE must be a number of miles, got '" + s + "'", e);
        }
    }
}
