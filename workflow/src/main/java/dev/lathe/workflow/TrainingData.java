package dev.lathe.workflow;

import dev.lathe.core.model.Model;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.TrainValid;
import java.nio.file.Path;
import java.util.List;

/** A training and a validation file, prepared and encoded, with the files and recipe they came from. */
public record TrainingData(Path trainFile, Path validFile, Recipe recipe, TrainValid data) {
    /** Reads, prepares and encodes both files (the encoder is fitted on the training file). */
    public static TrainingData load(Path trainFile, Path validFile, Recipe recipe) {
        return new TrainingData(trainFile, validFile, recipe, TrainValid.load(trainFile, validFile, recipe));
    }

    /** The whole pipeline (recipe, fitted encoder, model) that predicts from raw rows with {@code model}. */
    public FittedPipeline pipeline(Model model) {
        return new FittedPipeline(recipe, data.encoder(), model);
    }

    /** The raw columns the pipeline reads to predict (its input signature). */
    public List<String> inputColumns() {
        return List.copyOf(recipe.scoringColumns());
    }

    /** The name of what the pipeline predicts. */
    public String targetName() {
        return recipe.target();
    }
}
