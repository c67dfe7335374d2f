package dev.lathe.trainers.modelfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.TlcFiles;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.linear.LinearModel;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved model or pipeline carries a SHA-256 of its content: a flipped bit in the provenance, the
 * coefficients or the encoder is a load error naming the file and both digests (it used to load and
 * predict), and an intact file reports, in its provenance, the digest a plain SHA-256 of its bytes gives.
 */
class ModelDigestTest {
    /** Magic, format version, digest. */
    private static final int MODEL_HEADER = 8;

    private static final int DIGEST = 32;

    private static TrainValid data;
    private static LinearModel model;

    @BeforeAll
    static void fit() {
        data = TrainValid.load(
                TlcFiles.path("green_tripdata_2021-01.parquet"),
                TlcFiles.path("green_tripdata_2021-02.parquet"),
                TlcRecipes.course());
        model = new RidgeTrainer(RidgeParams.of(1.0)).fit(data.train());
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("'" + text + "' not in the file");
    }

    private static String sha256(byte[] bytes, int from, int to) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(bytes, from, to - from);
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static void assertCorrupt(Path file, byte[] bytes, int at, Runnable load) throws Exception {
        byte[] bad = bytes.clone();
        bad[at] ^= 0x04;
        Files.write(file, bad);
        DataException e = assertThrows(DataException.class, load::run);
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()) && m.contains("is corrupt"), m);
        assertTrue(m.contains("sha256:") && m.contains("but the file records"), m);
    }

    @Test
    void aBitFlipInTheProvenanceOrCoefficientsOfASavedModelFailsToLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.lathe");
        ModelIO.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        int provenance = indexOf(bytes, model.provenance().datasetName());
        int coefficients = bytes.length - Double.BYTES - 3; // inside the last coefficient or the intercept
        for (int at : new int[] {provenance, coefficients, bytes.length - 1}) {
            assertCorrupt(file, bytes, at, () -> ModelIO.load(file));
        }
    }

    @Test
    void aBitFlipInTheEncoderOfASavedPipelineFailsToLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pipeline.lathe");
        new FittedPipeline(TlcRecipes.course(), data.encoder(), model).save(file);
        byte[] bytes = Files.readAllBytes(file);
        int encoder = indexOf(bytes, data.train().featureNames().get(5));
        assertCorrupt(file, bytes, encoder, () -> FittedPipeline.load(file));
        int recipe = indexOf(bytes, "trip_distance");
        assertCorrupt(file, bytes, recipe, () -> FittedPipeline.load(file));
    }

    @Test
    void anIntactModelFileShowsTheSha256OfItsContentInItsProvenance(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.lathe");
        ModelIO.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        LinearModel back = (LinearModel) ModelIO.load(file);
        String independent = sha256(bytes, MODEL_HEADER + DIGEST, bytes.length);
        assertEquals(independent, back.provenance().payloadDigest());
        assertEquals(model.provenance().withPayloadDigest(independent), back.provenance());
        assertArrayEquals(
                model.predict(data.valid().features()),
                back.predict(data.valid().features()),
                0.0);
        assertEquals("", model.provenance().payloadDigest(), "a model not loaded from a file has no digest");
    }

    @Test
    void aPipelineModelShowsTheDigestOfItsModelBlock(@TempDir Path dir) throws Exception {
        FittedPipeline p = new FittedPipeline(TlcRecipes.course(), data.encoder(), model);
        Path file = dir.resolve("pipeline.lathe");
        p.save(file);
        byte[] modelBytes = ModelIO.toBytes(model);
        String independent = sha256(modelBytes, MODEL_HEADER + DIGEST, modelBytes.length);
        assertEquals(independent, FittedPipeline.load(file).model().provenance().payloadDigest());
    }
}
