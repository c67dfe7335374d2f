package dev.lathe.workflow;

import dev.lathe.core.model.Model;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.prep.PrepConfig;
import dev.lathe.core.prep.TrainValid;
import java.nio.file.Path;

/** A training and a validation month, prepared and encoded, with the files and recipe they came from. */
public record TrainingData(Path trainFile, Path validFile, PrepConfig prep, TrainValid data) {
    /** Reads, prepares and encodes both files (the encoder is fitted on the training month). */
    public static TrainingData load(Path trainFile, Path validFile, PrepConfig prep) {
        return new TrainingData(trainFile, validFile, prep, TrainValid.load(trainFile, validFile, prep));
    }

    /** The whole pipeline (recipe, fitted encoder, model) that predicts from raw rows with {@code model}. */
    public FittedPipeline pipeline(Model model) {
        return new FittedPipeline(prep, data.encoder(), model);
    }
}
