package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.cli.demo.DemoOptions;
import dev.lathe.cli.demo.DemoResult;
import dev.lathe.cli.demo.DurationDemo;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.DerivedColumn;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.RowFilter;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --target}, {@code --categorical}, {@code --numerical}, {@code --filter} and {@code --derive} on any table. */
class RecipeOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FARE = {
        "--target", "fare_amount",
        "--derive", "PU_DO=concat(PULocationID,DOLocationID)",
        "--categorical", "PU_DO",
        "--numerical", "trip_distance",
        "--filter", "fare_amount > 0",
        "--filter", "trip_distance between 0 and 100"
    };

    @TempDir
    Path tmp;

    private static Recipe fareRecipe() {
        return Recipe.builder("fare_amount")
                .derive(new DerivedColumn.Concat("PU_DO", List.of("PULocationID", "DOLocationID")))
                .categorical("PU_DO")
                .numerical("trip_distance")
                .filter(RowFilter.parse("fare_amount > 0"))
                .filter(RowFilter.parse("trip_distance between 0 and 100"))
                .build();
    }

    private static List<String> args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(FARE));
        a.addAll(List.of(
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void trainAndEvaluateAnotherTargetFromTheCommandLine() throws IOException {
        Path store = tmp.resolve("store");
        Path model = tmp.resolve("fare.lathe");
        CliRun train = CliRun.of(args(
                        "train",
                        "--trainer",
                        "ridge",
                        "-P",
                        "alpha=1",
                        "--store",
                        store.toString(),
                        "--json",
                        "--output",
                        model.toString())
                .toArray(String[]::new));
        assertEquals(0, train.code(), train.toString());
        double cliRmse =
                JSON.readTree(train.out()).get("metrics").get("validation_rmse").asDouble();

        TrainingData data = TrainingData.load(CliRun.data("2023-01"), CliRun.data("2023-02"), fareRecipe());
        var fitted = new RidgeTrainer(RidgeParams.of(1.0)).fit(data.data().train());
        double libraryRmse = new RegressionEvaluator()
                .evaluate(
                        data.data().valid().target(),
                        fitted.predict(data.data().valid().features()))
                .rootMeanSquaredError();
        assertEquals(libraryRmse, cliRmse, 1e-9);
        assertEquals(fareRecipe(), FittedPipeline.load(model).recipe());

        CliRun eval = CliRun.of(
                "evaluate",
                "--model",
                model.toString(),
                "--data",
                CliRun.data("2023-02").toString(),
                "--json");
        assertEquals(0, eval.code(), eval.toString());
        assertEquals(
                libraryRmse,
                JSON.readTree(eval.out())
                        .get("metrics")
                        .get("root_mean_squared_error")
                        .asDouble(),
                1e-9);

        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            var run = s.getRun(JSON.readTree(train.out()).get("run_id").asText());
            assertEquals("fare_amount", run.data().tags().get("lathe.target"));
        }
    }

    @Test
    void searchTakesTheRecipeOptions() throws IOException {
        CliRun r = CliRun.of(args(
                        "search",
                        "--trainer",
                        "ridge",
                        "--sampler",
                        "random",
                        "--trials",
                        "2",
                        "--store",
                        tmp.resolve("s").toString(),
                        "--json")
                .toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        JsonNode summary = JSON.readTree(r.out());
        double best = summary.get("best_validation_rmse").asDouble();
        assertTrue(best > 1 && best < 20, "fare RMSE in dollars, got " + best);
    }

    @Test
    void theDemoReportsTheRowsEachFilterRemoved() {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(tmp.resolve("d"))) {
            DemoResult r = DurationDemo.run(
                    new DemoOptions(CliRun.data("2023-01"), CliRun.data("2023-02"), fareRecipe(), "ols", 0, "fares"),
                    s);
            Map<String, Long> removed = r.trainReport().removedBy();
            assertEquals(
                    List.of("not fare_amount > 0", "not trip_distance between 0 and 100"),
                    List.copyOf(removed.keySet()));
            assertTrue(removed.get("not fare_amount > 0") > 0, removed.toString());
            assertEquals(
                    r.trainReport().rowsRead(),
                    r.trainReport().rowsKept() + r.trainReport().rowsRemoved());
        }
    }

    @Test
    void badRecipeOptionsExitWithCodeTwoNamingOptionAndValue() {
        CliRun filter = CliRun.of(args(
                        "train",
                        "--filter",
                        "fare_amount >> 0",
                        "--store",
                        tmp.resolve("b").toString())
                .toArray(String[]::new));
        assertEquals(2, filter.code(), filter.toString());
        assertTrue(filter.err().contains("--filter 'fare_amount >> 0'"), filter.err());

        CliRun noFeatures = CliRun.of(
                "train",
                "--target",
                "fare_amount",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--store",
                tmp.resolve("b").toString());
        assertEquals(2, noFeatures.code(), noFeatures.toString());
        assertTrue(noFeatures.err().contains("--target fare_amount needs features"), noFeatures.err());

        CliRun column = CliRun.of(
                args("train", "--numerical", "tip", "--store", tmp.resolve("b").toString())
                        .toArray(String[]::new));
        assertEquals(2, column.code(), column.toString());
        assertTrue(column.err().contains("required column 'tip' is missing"), column.err());

        CliRun help = CliRun.of("train", "--help");
        assertTrue(help.out().contains("between LOW and HIGH"), help.out());
        assertTrue(help.out().contains("--target=COLUMN"), help.out());
    }
}
