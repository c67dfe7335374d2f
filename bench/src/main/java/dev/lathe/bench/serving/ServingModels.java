package dev.lathe.bench.serving;

import dev.lathe.bench.boosted.BoostedTrainersBench;
import dev.lathe.core.io.TableReader;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import dev.lathe.workflow.Lathe;
import dev.lathe.workflow.TrainingData;
import dev.lathe.workflow.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Fits the serving benchmarks' two models on green 2023-01 -> 2023-02 and registers them in a store:
 * {@code taxi-linear@champion} (ridge, alpha 1) and {@code taxi-xgb@champion} (the course's tuned XGBoost),
 * also saved as {@code linear.lathe} and {@code xgboost.lathe}; writes the request bodies {@code wrk}
 * sends: one row and 1,000 rows of 2023-02 in {@code dataframe_split} JSON.
 * Usage: {@code bench/run.sh dev.lathe.bench.serving.ServingModels OUT_DIR [DATA_DIR]}.
 */
public final class ServingModels {
    static final String LINEAR = "taxi-linear";
    static final String XGBOOST = "taxi-xgb";
    static final String ALIAS = "champion";

    private ServingModels() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/serving");
        Path data = Path.of(args.length > 1 ? args[1] : "data/tlc");
        Files.createDirectories(out);
        TrainingData months = TrainingData.load(
                data.resolve("green_tripdata_2023-01.parquet"),
                data.resolve("green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        try (Lathe lathe = Lathe.open(out.resolve("store"))) {
            var serving = lathe.experiment("serving");
            TrainingResult linear = serving.train(new RidgeTrainer(RidgeParams.of(1.0)), months);
            lathe.register(linear.runId(), LINEAR, ALIAS);
            linear.pipeline().save(out.resolve("linear.lathe"));
            TrainingResult xgb = serving.train(new XGBoostTrainer(BoostedTrainersBench.courseParams()), months);
            lathe.register(xgb.runId(), XGBOOST, ALIAS);
            xgb.pipeline().save(out.resolve("xgboost.lathe"));
            System.out.printf(
                    Locale.ROOT,
                    "linear: validation rmse %.4f; xgboost: validation rmse %.4f%n",
                    linear.metrics().get("validation_rmse"),
                    xgb.metrics().get("validation_rmse"));
        }
        Table feb = TableReader.read(data.resolve("green_tripdata_2023-02.parquet"));
        Files.writeString(out.resolve("one-row.json"), split(feb, 1));
        Files.writeString(out.resolve("rows-1000.json"), split(feb, 1000));
    }

    /** The first {@code rows} rows of the columns the course's model reads, as {@code dataframe_split}. */
    static String split(Table t, int rows) {
        String[] columns = {"PULocationID", "DOLocationID", "trip_distance"};
        StringBuilder b = new StringBuilder("{\"dataframe_split\": {\"columns\": [");
        for (int c = 0; c < columns.length; c++) {
            b.append(c > 0 ? ", " : "").append('"').append(columns[c]).append('"');
        }
        b.append("], \"data\": [");
        for (int r = 0; r < rows; r++) {
            b.append(r > 0 ? ", " : "").append('[');
            for (int c = 0; c < columns.length; c++) {
                Column<?> col = t.column(columns[c]);
                b.append(c > 0 ? ", " : "").append(col.isMissing(r) ? "null" : col.getString(r));
            }
            b.append(']');
        }
        return b.append("]}}\n").toString();
    }
}
