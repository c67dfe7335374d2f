package dev.lathe.tlc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.TlcFiles;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.model.DotModel;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.TrainValid;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Pipeline files written before recipes (format 1: the trip-duration settings) still load and predict. */
class VersionOnePipelineTest {
    /** Format 1 exactly as the earlier FittedPipeline wrote it: magic, 1, settings JSON, encoder, model. */
    private static byte[] version1(String settingsJson, DictVectorizer encoder, DotModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x4C415450);
        out.writeInt(1);
        for (byte[] block : List.of(
                settingsJson.getBytes(StandardCharsets.UTF_8),
                encoder.toJson().getBytes(StandardCharsets.UTF_8),
                ModelIO.toBytes(model))) {
            out.writeInt(block.length);
            out.write(block);
        }
        return bytes.toByteArray();
    }

    @Test
    void aVersionOneFileLoadsAsTheTlcRecipe(@TempDir Path dir) throws IOException {
        TrainValid tv = TrainValid.load(
                TlcFiles.path("green_tripdata_2021-01.parquet"),
                TlcFiles.path("green_tripdata_2021-02.parquet"),
                TlcRecipes.course());
        double[] w = new double[tv.train().featureCount()];
        for (int j = 0; j < w.length; j++) {
            w[j] = (j % 5) * 0.25;
        }
        DotModel model = new DotModel(w, 2.0);
        Path file = dir.resolve("old.lathe");
        Files.write(
                file,
                version1(
                        "{\"categorical\":[\"PU_DO\"],\"numerical\":[\"trip_distance\"],\"minMinutes\":1.0,"
                                + "\"maxMinutes\":60.0}",
                        tv.encoder(),
                        model));

        FittedPipeline old = FittedPipeline.load(file);
        assertEquals(TlcRecipes.course(), old.recipe());
        FittedPipeline current = new FittedPipeline(TlcRecipes.course(), tv.encoder(), model);
        Table raw = TableReader.read(TlcFiles.path("green_tripdata_2021-02.parquet"));
        assertArrayEquals(current.predict(raw), old.predict(raw), 0.0);
        assertEquals(
                current.predict(new TripRecord("166", "143", 2.58)),
                old.predict(new TripRecord("166", "143", 2.58)),
                0.0);
        // Saved again, it is a format-2 file with the same recipe.
        assertEquals(
                old.recipe(), FittedPipeline.fromBytes(old.toBytes(), "again").recipe());

        Files.write(file, version1("{\"categorical\":[\"PU_DO\"]}", tv.encoder(), model));
        LatheException e = assertThrows(LatheException.class, () -> FittedPipeline.load(file));
        assertTrue(e.getMessage().contains("lack field 'numerical'"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
