package dev.lathe.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.DerivedColumn;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.RowFilter;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Any table" example, kept compiling and running (paths resolved against the checkout). */
class ReadmeRecipeExampleTest {
    @Test
    void readmeRecipeSnippetPredictsAFare() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("data/tlc"))) {
            root = root.getParent();
        }
        Path jan = root.resolve("data/tlc/green_tripdata_2023-01.parquet");
        Path feb = root.resolve("data/tlc/green_tripdata_2023-02.parquet");
        // --- README snippet ---
        Recipe fares = Recipe.builder("fare_amount")
                .derive(DerivedColumn.parse("PU_DO=concat(PULocationID,DOLocationID)"))
                .categorical("PU_DO")
                .numerical("trip_distance")
                .filter(RowFilter.parse("fare_amount > 0"))
                .filter(RowFilter.parse("trip_distance between 0 and 100"))
                .build();
        TrainingData data = TrainingData.load(jan, feb, fares);
        FittedPipeline pipeline = data.pipeline(
                new RidgeTrainer(RidgeParams.of(1.0)).fit(data.data().train()));
        double fare = pipeline.predict(Map.of("PULocationID", 166, "DOLocationID", 143, "trip_distance", 2.58));
        // --- end of snippet ---
        assertTrue(fare > 5 && fare < 40, "a 2.6 mile green-taxi fare is some dollars, got " + fare);
    }
}
