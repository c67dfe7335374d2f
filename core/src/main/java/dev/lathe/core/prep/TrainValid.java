package dev.lathe.core.prep;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.TripFileReader;
import java.nio.file.Path;

/**
 * The canonical experiment's data in one call: read a training month and a validation month, apply
 * the recipe to both, fit the encoder on the training month only and encode both with it.
 */
public record TrainValid(
        Dataset train, Dataset valid, DictVectorizer encoder, PrepReport trainReport, PrepReport validReport) {

    public static TrainValid load(Path trainFile, Path validFile, PrepConfig config) {
        DurationRecipe recipe = new DurationRecipe(config);
        PreparedTrips train = prepare(recipe, trainFile);
        PreparedTrips valid = prepare(recipe, validFile);
        DictVectorizer encoder = DictVectorizer.fit(train.features());
        return new TrainValid(
                toDataset(trainFile, train, encoder),
                toDataset(validFile, valid, encoder),
                encoder,
                train.report(),
                valid.report());
    }

    /** Reads {@code file} (only the columns the recipe needs) and prepares it. */
    public static PreparedTrips prepare(DurationRecipe recipe, Path file) {
        return recipe.prepare(TripFileReader.read(file, recipe.columnsNeeded()), file.toString());
    }

    /** Encodes prepared trips with a fitted encoder into a dataset named after the file. */
    public static Dataset toDataset(Path file, PreparedTrips trips, DictVectorizer encoder) {
        return new Dataset(
                datasetName(file),
                encoder.transform(trips.features()),
                trips.durationMinutes(),
                encoder.featureNames());
    }

    /** "green_tripdata_2023-01" for ".../green_tripdata_2023-01.parquet". */
    public static String datasetName(Path file) {
        String name = file.getFileName().toString();
        for (String ext : new String[] {".csv.gz", ".parquet", ".csv"}) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }
}
