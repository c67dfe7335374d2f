package dev.lathe.core.pipeline;

import dev.lathe.core.DataException;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.io.AtomicFile;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.PayloadDigest;
import dev.lathe.core.model.PayloadInput;
import dev.lathe.core.recipe.AsRow;
import dev.lathe.core.recipe.ColumnValues;
import dev.lathe.core.recipe.Recipe;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import tech.tablesaw.api.Table;

/**
 * Everything needed to score raw rows, saved as one artifact: the {@link Recipe}, the fitted encoder
 * and the model. Loaded in another JVM it predicts a single row (column name -> value, for serving) or
 * a whole table (for batch scoring) exactly as it did after fitting.
 */
public final class FittedPipeline {
    private static final int MAGIC = 0x4C415450; // "LATP"
    /** Version 3 adds a SHA-256 of the rest; version 2 stores a {@link Recipe}; version 1 the trip settings. */
    private static final int VERSION = 3;

    private static final int VERSION_RECIPE = 2;
    private static final int VERSION_PREP_CONFIG = 1;
    private static final int HEADER_BYTES = 2 * Integer.BYTES;

    private final Recipe recipe;
    private final DictVectorizer encoder;
    private final Model model;

    public FittedPipeline(Recipe recipe, DictVectorizer encoder, Model model) {
        LatheException.check(
                encoder.categorical().equals(recipe.categorical())
                        && encoder.numerical().equals(recipe.numerical()),
                "encoder features %s%s do not match the features of recipe '%s' %s%s",
                encoder.categorical(),
                encoder.numerical(),
                recipe.name(),
                recipe.categorical(),
                recipe.numerical());
        this.recipe = recipe;
        this.encoder = encoder;
        this.model = model;
    }

    public Recipe recipe() {
        return recipe;
    }

    public DictVectorizer encoder() {
        return encoder;
    }

    public Model model() {
        return model;
    }

    /** Prediction for one row such as {PULocationID=166, DOLocationID=143, trip_distance=2.58}. */
    public double predict(Map<String, ?> row) {
        return model.predict(encoder.transform(recipe.features(row)))[0];
    }

    /** Prediction for one row given by a typed record (e.g. a trip). */
    public double predict(AsRow row) {
        return predict(row.toRow());
    }

    /** One prediction per row of a raw table (no filter is applied, no target is read). */
    public double[] predict(Table raw) {
        return model.predict(encoder.transform(recipe.features(raw, raw.name())));
    }

    /**
     * One prediction per row of {@code raw}: what {@link #predict(Table)} gives for a table of these
     * columns, without building one (the scoring server's path).
     */
    public double[] predict(ColumnValues raw) {
        return model.predict(encoder.transform(recipe.features(raw)));
    }

    public void save(Path file) {
        AtomicFile.write(file, toBytes(), "pipeline");
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream blocks = new DataOutputStream(body);
            ModelPayloads.writeBlock(recipe.toJson().getBytes(StandardCharsets.UTF_8), blocks);
            ModelPayloads.writeBlock(encoder.toJson().getBytes(StandardCharsets.UTF_8), blocks);
            ModelPayloads.writeBlock(ModelIO.toBytes(model), blocks);
            blocks.flush();
            return PayloadDigest.seal(MAGIC, VERSION, body.toByteArray());
        } catch (IOException e) {
            throw new LatheException("cannot serialise pipeline: " + e, e);
        }
    }

    public static FittedPipeline load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ResourceNotFoundException("pipeline file " + file + " does not exist");
        }
        try {
            return fromBytes(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new DataException("cannot read pipeline file " + file + ": " + e, e);
        }
    }

    /**
     * The pipeline in {@code bytes}, read from {@code source}: a version-3 file's digest is verified
     * before anything is decoded; versions 1 and 2 (no digest) still load.
     */
    public static FittedPipeline fromBytes(byte[] bytes, String source) {
        ByteBuffer header = ByteBuffer.wrap(bytes);
        LatheException.check(
                ErrorCode.BAD_REQUEST,
                bytes.length >= HEADER_BYTES && header.getInt() == MAGIC,
                "%s is not a Lathe pipeline file",
                source);
        int version = header.getInt();
        LatheException.check(
                ErrorCode.BAD_REQUEST,
                version == VERSION || version == VERSION_RECIPE || version == VERSION_PREP_CONFIG,
                "%s has pipeline format %d; this Lathe reads %d, %d and %d",
                source,
                version,
                VERSION_PREP_CONFIG,
                VERSION_RECIPE,
                VERSION);
        PayloadInput in = version == VERSION
                ? new PayloadInput(
                        bytes,
                        HEADER_BYTES + PayloadDigest.LENGTH,
                        source,
                        PayloadDigest.verify(bytes, HEADER_BYTES, source, "pipeline file"))
                : new PayloadInput(bytes, HEADER_BYTES, source, "");
        String recipeJson = new String(in.readBlock("recipe"), StandardCharsets.UTF_8);
        Recipe recipe =
                version == VERSION_PREP_CONFIG ? version1(recipeJson, source) : Recipe.fromJson(recipeJson, source);
        DictVectorizer encoder = DictVectorizer.fromJson(new String(in.readBlock("encoder"), StandardCharsets.UTF_8));
        Model model = ModelIO.readNested(in, "model");
        return new FittedPipeline(recipe, encoder, model);
    }

    private static Recipe version1(String prepConfigJson, String source) {
        LegacyRecipes legacy = ServiceLoader.load(LegacyRecipes.class, FittedPipeline.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new DataException(source + " is a version-1 pipeline (trip-duration settings);"
                        + " reading it needs lathe-tlc on the class path"));
        return legacy.fromVersion1(prepConfigJson, source);
    }
}
