package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.Run;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lathe search} on the real 2023 months with ridge: grid order, tracking, scores and determinism. */
class SearchCommandTest {
    private static final double SCORE_TOL = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CliRun search(Path store, String sampler, int trials, int threads) {
        return CliRun.of(
                "search",
                "--trainer",
                "ridge",
                "--sampler",
                sampler,
                "--trials",
                Integer.toString(trials),
                "--seed",
                "7",
                "--threads",
                Integer.toString(threads),
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                store.toString(),
                "--json");
    }

    @Test
    void gridSearchTracksOneChildRunPerTrialAndReportsTheTrueBest() throws IOException {
        Path store = tmp.resolve("store");
        CliRun r = search(store, "grid", 3, 1);
        assertEquals(0, r.code(), r.toString());
        for (int t = 1; t <= 3; t++) {
            assertTrue(r.err().contains("(" + t + "/3) validation_rmse="), r.err());
        }
        JsonNode summary = JSON.readTree(r.out());
        assertEquals(3, summary.get("trials").asInt());
        assertEquals(3, summary.get("complete").asInt());

        // The grid's first three alphas, scored independently of the search.
        TrainValid data = TrainValid.load(CliRun.data("2023-01"), CliRun.data("2023-02"), TlcRecipes.course());
        double bestAlpha = Double.NaN;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (double alpha : List.of(0.001, 0.01, 0.1)) {
            double rmse = rmse(new RidgeTrainer(RidgeParams.of(alpha)), data);
            if (rmse < bestRmse) {
                bestRmse = rmse;
                bestAlpha = alpha;
            }
        }
        assertEquals(bestRmse, summary.get("best_validation_rmse").asDouble(), SCORE_TOL);
        assertEquals(
                Double.toString(bestAlpha),
                summary.get("best_params").get("alpha").asText());

        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            List<Run> children = s.childRuns(summary.get("parent_run_id").asText());
            assertEquals(3, children.size());
            assertEquals(
                    List.of("0.001", "0.01", "0.1"),
                    children.stream().map(c -> c.data().params().get("alpha")).toList());
        }
    }

    @Test
    void tpeSearchIsReproducibleFromItsSeedAtAnyThreadCount() throws IOException {
        JsonNode one = JSON.readTree(search(tmp.resolve("a"), "tpe", 4, 1).out());
        JsonNode two = JSON.readTree(search(tmp.resolve("b"), "tpe", 4, 2).out());
        assertEquals(one.get("best_params"), two.get("best_params"));
        assertEquals(
                one.get("best_validation_rmse").asDouble(),
                two.get("best_validation_rmse").asDouble(),
                0.0);
        assertEquals(4, one.get("trials").asInt());
    }

    @Test
    void searchRejectsOlsAndUnknownSamplers() {
        CliRun ols = CliRun.of("search", "--trainer", "ols", "--train", "a", "--valid", "b");
        assertEquals(2, ols.code(), ols.toString());
        assertTrue(ols.err().contains("ols has no hyperparameters to search"), ols.err());
        CliRun sampler =
                CliRun.of("search", "--trainer", "ridge", "--sampler", "anneal", "--train", "a", "--valid", "b");
        assertEquals(2, sampler.code(), sampler.toString());
        assertEquals(
                "lathe: error [INVALID_PARAMETER_VALUE]: --sampler must be grid, random or tpe, got 'anneal'",
                sampler.err().strip());
    }

    private static double rmse(RidgeTrainer trainer, TrainValid data) {
        Dataset valid = data.valid();
        return new RegressionEvaluator()
                .evaluate(valid.target(), trainer.fit(data.train()).predict(valid.features()))
                .rootMeanSquaredError();
    }
}
