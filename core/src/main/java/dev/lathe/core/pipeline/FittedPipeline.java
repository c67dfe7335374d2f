package dev.lathe.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.prep.DurationRecipe;
import dev.lathe.core.prep.PrepConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Everything needed to score raw trips, saved as one artifact: the recipe's configuration, the fitted
 * encoder and the model. Loaded in another JVM it predicts a single raw record (for serving) or a whole
 * table (for batch scoring) exactly as it did after fitting.
 */
public final class FittedPipeline {
    private static final int MAGIC = 0x4C415450; // "LATP"
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrepConfig config;
    private final DictVectorizer encoder;
    private final Model model;
    private final DurationRecipe recipe;

    public FittedPipeline(PrepConfig config, DictVectorizer encoder, Model model) {
        LatheException.check(
                encoder.categorical().equals(config.categorical())
                        && encoder.numerical().equals(config.numerical()),
                "encoder features %s%s do not match the prep config %s%s",
                encoder.categorical(),
                encoder.numerical(),
                config.categorical(),
                config.numerical());
        this.config = config;
        this.encoder = encoder;
        this.model = model;
        this.recipe = new DurationRecipe(config);
    }

    public PrepConfig config() {
        return config;
    }

    public DictVectorizer encoder() {
        return encoder;
    }

    public Model model() {
        return model;
    }

    /** Prediction for one raw record such as {PULocationID=166, DOLocationID=143, trip_distance=2.58}. */
    public double predict(Map<String, ?> record) {
        return model.predict(encoder.transform(recipe.featuresOf(record)))[0];
    }

    public double predict(TripRecord trip) {
        return predict(trip.toMap());
    }

    /** One prediction per row of a raw trip table (no duration filter is applied). */
    public double[] predict(Table raw) {
        SparseMatrix x = encoder.transform(recipe.featuresOf(raw, raw.name()));
        return model.predict(x);
    }

    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                out.write(toBytes());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LatheException("cannot save pipeline to " + file + ": " + e, e);
        }
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeBlock(out, JSON.writeValueAsBytes(config));
            writeBlock(out, encoder.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            writeBlock(out, ModelIO.toBytes(model));
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new LatheException("cannot serialise pipeline: " + e, e);
        }
    }

    public static FittedPipeline load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LatheException("pipeline file " + file + " does not exist");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return fromBytes(in.readAllBytes(), file.toString());
        } catch (IOException e) {
            throw new LatheException("cannot read pipeline file " + file + ": " + e, e);
        }
    }

    public static FittedPipeline fromBytes(byte[] bytes, String source) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            LatheException.check(in.readInt() == MAGIC, "%s is not a Lathe pipeline file", source);
            int version = in.readInt();
            LatheException.check(
                    version == VERSION, "%s has pipeline format %d; this Lathe reads %d", source, version, VERSION);
            PrepConfig config = JSON.readValue(readBlock(in), PrepConfig.class);
            DictVectorizer encoder =
                    DictVectorizer.fromJson(new String(readBlock(in), java.nio.charset.StandardCharsets.UTF_8));
            Model model = ModelIO.fromBytes(readBlock(in));
            return new FittedPipeline(config, encoder, model);
        } catch (IOException e) {
            throw new LatheException("cannot read pipeline from " + source + ": " + e, e);
        }
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int n = in.readInt();
        LatheException.check(n >= 0 && n <= in.available(), "pipeline block length %d is invalid (truncated file?)", n);
        return in.readNBytes(n);
    }
}
