package dev.lathe.examples.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tlc.TripRecord;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train, register the best run as champion, and load models:/name@champion in a fresh JVM. */
class RegistryWorkflowExampleTest {
    private static final TripRecord TRIP = new TripRecord("166", "143", 2.58);
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @Test
    void theChampionPredictsTheSameTripInAFreshJvm(@TempDir Path storeDir) throws Exception {
        TrainingData data = TrainingData.load(data("2023-01"), data("2023-02"), TlcRecipes.course());
        RegistryWorkflowExample.Outcome outcome;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(storeDir)) {
            outcome = RegistryWorkflowExample.run(data, store, "taxi-test");
            TrainingResult best = outcome.candidates().stream()
                    .min(Comparator.comparingDouble(TrainingResult::validationRmse))
                    .orElseThrow();
            assertEquals(best.runId(), outcome.championRunId(), "the search picks the lowest validation RMSE");
            ModelVersion champion = store.registry().getModelVersionByAlias("taxi-test", "champion");
            assertEquals(outcome.version(), champion.version());
            assertEquals(best.runId(), champion.runId().orElseThrow());
        }
        double inProcess = outcome.candidates().stream()
                .filter(r -> r.runId().equals(outcome.championRunId()))
                .findFirst()
                .orElseThrow()
                .pipeline()
                .predict(TRIP);
        assertTrue(inProcess > 1 && inProcess < 60, "a 2.6 mile trip takes minutes, got " + inProcess);

        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ChampionLoader.class.getName(),
                storeDir.toString(),
                outcome.uri(),
                TRIP.puLocationId(),
                TRIP.doLocationId(),
                Double.toString(TRIP.tripDistance()));
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the loader JVM finished");
        assertEquals(0, child.exitValue(), stdout);
        List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(inProcess, Double.parseDouble(lines.get(lines.size() - 1)), 0.0, "bit-identical prediction");
    }

    @Test
    void anUnknownAliasIsAClearErrorInTheLoader(@TempDir Path storeDir) throws IOException {
        try (SqliteTrackingStore store = SqliteTrackingStore.open(storeDir)) {
            store.registry().createRegisteredModel("empty-model", "", java.util.Map.of());
        }
        dev.lathe.core.LatheException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.lathe.core.LatheException.class,
                () -> ChampionLoader.predict(storeDir, "models:/empty-model@champion", TRIP));
        assertTrue(e.getMessage().contains("champion"), e.getMessage());
    }

    static Path data(String month) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("data/tlc"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data/tlc/green_tripdata_" + month + ".parquet");
    }
}
