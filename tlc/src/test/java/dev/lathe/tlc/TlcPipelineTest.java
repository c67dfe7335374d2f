package dev.lathe.tlc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.TlcFiles;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.model.DotModel;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.TrainValid;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TlcPipelineTest {
    private static final double EXACT = 0.0;

    @Test
    void savedPipelinePredictsRawRecordsAndTablesLikeTheDataset(@TempDir Path dir) {
        TrainValid tv = TrainValid.load(
                TlcFiles.path("green_tripdata_2023-01.parquet"),
                TlcFiles.path("green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        Dataset train = tv.train();
        double[] w = new double[train.featureCount()];
        for (int j = 0; j < w.length; j++) {
            w[j] = (j % 7) * 0.5; // any fixed weights: the test is about plumbing, not fitting
        }
        FittedPipeline p = new FittedPipeline(TlcRecipes.course(), tv.encoder(), new DotModel(w, 3.0));
        Path f = dir.resolve("pipeline.lathe");
        p.save(f);
        FittedPipeline back = FittedPipeline.load(f);

        double[] expected = new DotModel(w, 3.0).predict(tv.valid().features());
        // Independent path: the encoded validation dataset vs a raw record built from the same trip.
        int pu = train.featureNames().indexOf("PU_DO=166_143");
        double byRecord = back.predict(new TripRecord("166", "143", 2.58));
        assertEquals(3.0 + w[pu] + w[train.featureNames().indexOf("trip_distance")] * 2.58, byRecord, 1e-12);
        assertEquals(
                byRecord,
                back.predict(Map.of("PULocationID", 166L, "DOLocationID", 143L, "trip_distance", 2.58)),
                EXACT);

        Table raw = TableReader.read(TlcFiles.path("green_tripdata_2023-02.parquet"));
        double[] batch = back.predict(raw);
        assertEquals(64809, batch.length); // batch scoring keeps every row
        assertEquals(expected.length, tv.valid().rows());
        double[] original = p.predict(raw);
        assertArrayEquals(original, batch, EXACT);
    }

    @Test
    void encoderAndConfigMustAgree() {
        TrainValid tv = TrainValid.load(
                TlcFiles.path("green_tripdata_2021-01.parquet"),
                TlcFiles.path("green_tripdata_2021-02.parquet"),
                TlcRecipes.course());
        assertThrows(
                LatheException.class,
                () -> new FittedPipeline(
                        TlcRecipes.duration(java.util.List.of("PULocationID"), java.util.List.of()),
                        tv.encoder(),
                        new DotModel(new double[tv.train().featureCount()], 0)));
        assertThrows(LatheException.class, () -> FittedPipeline.fromBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 0}, "junk"));
    }
}
