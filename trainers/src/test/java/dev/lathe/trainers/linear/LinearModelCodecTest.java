package dev.lathe.trainers.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.PayloadInput;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save/load round trips through {@link ModelIO}: the codec is found by ServiceLoader and is exact. */
class LinearModelCodecTest {
    @Test
    void everyTrainerRoundTripsThroughAFileWithIdenticalPredictions(@TempDir Path dir) throws IOException {
        Dataset d = SyntheticDesigns.nestedOneHot("nested", 150, 3, 4, 2L);
        List<LinearModel> models = List.of(
                new OlsTrainer(OlsParams.defaults()).fit(d),
                new RidgeTrainer(RidgeParams.of(0.3)).fit(d),
                new ElasticNetTrainer(ElasticNetParams.lasso(0.01)).fit(d),
                new ElasticNetTrainer(ElasticNetParams.builder(0.01, 0.5).build()).fit(d));
        for (LinearModel m : models) {
            Path file = dir.resolve(m.provenance().trainer() + ".model");
            ModelIO.save(m, file);
            assertTrue(Files.size(file) > 0);
            Model loaded = ModelIO.load(file);
            LinearModel back = assertInstanceOf(LinearModel.class, loaded);
            assertArrayEquals(m.predict(d.features()), back.predict(d.features()), 0.0, "bit-identical predictions");
            assertArrayEquals(m.coefficients(), back.coefficients(), 0.0);
            assertEquals(Double.doubleToRawLongBits(m.intercept()), Double.doubleToRawLongBits(back.intercept()));
            assertEquals(m.featureNames(), back.featureNames());
            assertEquals(m.provenance(), back.provenance().withPayloadDigest(""));
            assertEquals("linear", back.kind());
        }
    }

    @Test
    void bytesRoundTripKeepsEveryBit() {
        Dataset d = SyntheticDesigns.gaussian("gauss", 40, 5, 6L);
        LinearModel m = new RidgeTrainer(RidgeParams.of(1.0 / 3.0)).fit(d);
        LinearModel back = (LinearModel) ModelIO.fromBytes(ModelIO.toBytes(m));
        for (int j = 0; j < d.featureCount(); j++) {
            assertEquals(Double.doubleToRawLongBits(m.coefficient(j)), Double.doubleToRawLongBits(back.coefficient(j)));
        }
        assertArrayEquals(m.predict(d.features()), back.predict(d.features()), 0.0);
    }

    @Test
    void unknownPayloadVersionIsRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(99);
        LatheException e = assertThrows(LatheException.class, () -> new LinearModelCodec()
                .read(new PayloadInput(bytes.toByteArray(), 0, "<test>", "")));
        assertEquals("linear model payload version must be 1, got 99", e.getMessage());
    }

    @Test
    void predictRejectsAMatrixOfTheWrongWidth() {
        Dataset d = SyntheticDesigns.gaussian("gauss", 30, 4, 1L);
        LinearModel m = new OlsTrainer(OlsParams.defaults()).fit(d);
        Dataset wider = SyntheticDesigns.gaussian("wider", 10, 5, 1L);
        LatheException e = assertThrows(LatheException.class, () -> m.predict(wider.features()));
        assertEquals("linear model: feature matrix has 5 columns, the model was trained on 4", e.getMessage());
    }
}
