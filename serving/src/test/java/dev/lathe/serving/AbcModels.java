package dev.lathe.serving;

import dev.lathe.core.recipe.Recipe;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import dev.lathe.workflow.Lathe;
import dev.lathe.workflow.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * The test models of the scoring fixtures: OLS fitted on rows that follow y = scale * (1 + b + 2c +
 * offset(a)) exactly (offsets 0, 10, 20 for s1, s2, s3), so that every prediction is known by hand.
 */
final class AbcModels {
    static final Map<String, Double> OFFSET = Map.of("s1", 0.0, "s2", 10.0, "s3", 20.0);
    static final Recipe RECIPE =
            Recipe.builder("y").categorical("a").numerical("b", "c").build();

    private AbcModels() {}

    /** The exact answer for one row. */
    static double expected(double scale, String a, double b, double c) {
        return scale * (1 + b + 2 * c + OFFSET.get(a));
    }

    /** Fits the model of {@code scale} in a run of {@code lathe} and returns the run id. */
    static String train(Lathe lathe, Path dir, double scale) {
        Path train = write(dir.resolve("train-" + scale + ".csv"), scale, 1);
        Path valid = write(dir.resolve("valid-" + scale + ".csv"), scale, 2);
        TrainingData data = TrainingData.load(train, valid, RECIPE);
        return lathe.experiment("abc")
                .train(new OlsTrainer(OlsParams.defaults()), data)
                .runId();
    }

    private static Path write(Path file, double scale, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        String[] levels = {"s1", "s2", "s3"};
        for (int i = 0; i < 90; i++) {
            String a = levels[i % 3];
            int b = random.nextInt(20);
            int c = random.nextInt(20);
            csv.append(a).append(',').append(b).append(',').append(c).append(',');
            csv.append(expected(scale, a, b, c)).append('\n');
        }
        try {
            return Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
