package dev.lathe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.DerivedColumn;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.RowFilter;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's "Any table" example, kept compiling and running: the snippet below must equal the
 * README's block (whitespace aside, with the bundled months' paths resolved against the checkout).
 */
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

    @Test
    void snippetIsTheReadmeBlock() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"));
        int section = readme.indexOf("## Any table");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start))
                .replace("Path.of(\"data/tlc/green_tripdata_2023-01.parquet\")", "jan")
                .replace("Path.of(\"data/tlc/green_tripdata_2023-02.parquet\")", "feb");
        String source = Files.readString(
                root.resolve("examples/src/test/java/dev/lathe/examples/ReadmeRecipeExampleTest.java"));
        String marker = "// --- README snippet ---";
        int from = source.indexOf(marker) + marker.length();
        String snippet = source.substring(from, source.indexOf("// --- end of snippet ---"));
        assertEquals(block.replaceAll("\\s+", ""), snippet.replaceAll("\\s+", ""), "README.md's block differs");
    }
}
