package dev.lathe.core.recipe;

import dev.lathe.core.DataException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.TableReader;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * An experiment's data in one call: read a training file and a validation file, apply the recipe to
 * both, fit the encoder on the training file only and encode both with it. {@code trainSample} holds the
 * first rows of the training file as read (see {@link PreparedTable#inputSample()}).
 */
public record TrainValid(
        Dataset train,
        Dataset valid,
        DictVectorizer encoder,
        PrepReport trainReport,
        PrepReport validReport,
        Table trainSample) {
    /** The fewest rows a training or validation set may keep: one row has no variance to fit or score. */
    public static final int MIN_ROWS = 2;

    public TrainValid {
        requireRows(trainReport, "training");
        requireRows(validReport, "validation");
    }

    public static TrainValid load(Path trainFile, Path validFile, Recipe recipe) {
        PreparedTable train = prepare(recipe, trainFile);
        PreparedTable valid = prepare(recipe, validFile);
        DictVectorizer encoder = DictVectorizer.fit(train.features());
        return new TrainValid(
                toDataset(trainFile, train, encoder),
                toDataset(validFile, valid, encoder),
                encoder,
                train.report(),
                valid.report(),
                train.inputSample());
    }

    private static void requireRows(PrepReport report, String role) {
        if (report.rowsKept() < MIN_ROWS) {
            throw new DataException(String.format(
                    "%s: only %d row(s) left for %s after the filters (read %d, removed %s); %s needs at least"
                            + " %d rows",
                    report.source(), report.rowsKept(), role, report.rowsRead(), report.removedBy(), role, MIN_ROWS));
        }
    }

    /** Reads {@code file} (only the columns the recipe needs) and prepares it. */
    public static PreparedTable prepare(Recipe recipe, Path file) {
        return recipe.prepare(TableReader.read(file, recipe.inputColumns()), file.toString());
    }

    /** Encodes a prepared table with a fitted encoder into a dataset named after the file. */
    public static Dataset toDataset(Path file, PreparedTable table, DictVectorizer encoder) {
        return new Dataset(
                datasetName(file), encoder.transform(table.features()), table.target(), encoder.featureNames());
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
