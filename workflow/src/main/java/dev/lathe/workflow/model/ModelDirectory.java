package dev.lathe.workflow.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;
import dev.lathe.core.LatheVersion;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.ActiveRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A run's {@value #DIR}/ artifact directory, MLflow's model layout: the whole fitted pipeline
 * ({@value #PIPELINE}: recipe, encoder, model), the {@value #MLMODEL} metadata file (YAML: flavor,
 * trainer and params, Lathe version, signature) and the input example ({@value #INPUT_EXAMPLE},
 * pandas' split orient). {@code runs:/<id>/model} and a registered version of it load as a pipeline.
 */
public final class ModelDirectory {
    /** The directory every run's model lives in. */
    public static final String DIR = "model";
    /** The fitted pipeline's file name inside {@link #DIR}. */
    public static final String PIPELINE = "pipeline.lathe";
    /** The metadata file's name inside {@link #DIR}. */
    public static final String MLMODEL = "MLmodel";
    /** The input example's file name inside {@link #DIR}. */
    public static final String INPUT_EXAMPLE = "input_example.json";
    /** The pipeline's artifact path. */
    public static final String PIPELINE_ARTIFACT = DIR + "/" + PIPELINE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ModelDirectory() {}

    /** Logs the pipeline, its metadata and its input example under {@link #DIR} of {@code run}. */
    public static void log(
            ActiveRun run,
            FittedPipeline pipeline,
            String trainer,
            SortedMap<String, String> params,
            ModelSignature signature) {
        byte[] bytes = pipeline.toBytes();
        run.logArtifact(PIPELINE_ARTIFACT, bytes);
        run.logArtifact(DIR + "/" + INPUT_EXAMPLE, inputExample(signature).getBytes(StandardCharsets.UTF_8));
        String mlmodel = mlmodel(run.runId(), pipeline, trainer, params, signature, bytes.length);
        run.logArtifact(DIR + "/" + MLMODEL, mlmodel.getBytes(StandardCharsets.UTF_8));
    }

    /** The pipeline file of {@code path}: the path itself, or {@value #PIPELINE} inside a model directory. */
    public static Path pipelineFile(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        Path file = path.resolve(PIPELINE);
        LatheException.check(
                Files.isRegularFile(file), "model directory %s has no %s (is it a Lathe model?)", path, PIPELINE);
        return file;
    }

    /** The input example a model directory holds, by column name. */
    public static Map<String, Object> readInputExample(Path dir) {
        Path file = dir.resolve(INPUT_EXAMPLE);
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode columns = root.get("columns");
            JsonNode row = root.get("data").get(0);
            Map<String, Object> example = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                JsonNode v = row.get(i);
                example.put(columns.get(i).asText(), v.isNumber() ? v.numberValue() : v.asText());
            }
            return example;
        } catch (IOException | RuntimeException e) {
            throw new LatheException("cannot read the input example " + file + ": " + e.getMessage(), e);
        }
    }

    private static String inputExample(ModelSignature signature) {
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("columns", new ArrayList<>(signature.example().keySet()));
        split.put("data", List.of(new ArrayList<>(signature.example().values())));
        return json(split);
    }

    private static String mlmodel(
            String runId,
            FittedPipeline pipeline,
            String trainer,
            SortedMap<String, String> params,
            ModelSignature signature,
            long size) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        signature.inputs().forEach(c -> inputs.add(column(c.name(), c.type())));
        StringBuilder y = new StringBuilder();
        y.append("artifact_path: ").append(DIR).append('\n');
        y.append("flavors:\n");
        y.append("  lathe:\n");
        y.append("    pipeline: ").append(PIPELINE).append('\n');
        y.append("    model_kind: ").append(quote(pipeline.model().kind())).append('\n');
        y.append("    trainer: ").append(quote(trainer)).append('\n');
        y.append("    params:").append(params.isEmpty() ? " {}\n" : "\n");
        params.forEach((k, v) -> y.append("      ")
                .append(quote(k))
                .append(": ")
                .append(quote(v))
                .append('\n'));
        y.append("    lathe_version: ").append(quote(LatheVersion.VERSION)).append('\n');
        y.append("    java_version: ")
                .append(quote(System.getProperty("java.version")))
                .append('\n');
        y.append("model_size_bytes: ").append(size).append('\n');
        y.append("run_id: ").append(quote(runId)).append('\n');
        y.append("saved_input_example_info:\n");
        y.append("  artifact_path: ").append(INPUT_EXAMPLE).append('\n');
        y.append("  pandas_orient: split\n");
        y.append("  type: dataframe\n");
        y.append("signature:\n");
        y.append("  inputs: ").append(quote(json(inputs))).append('\n');
        y.append("  outputs: ")
                .append(quote(json(List.of(column(signature.target(), "double")))))
                .append('\n');
        y.append("  params: null\n");
        y.append("utc_time_created: ")
                .append(quote(UTC.format(ZonedDateTime.now(ZoneOffset.UTC))))
                .append('\n');
        return y.toString();
    }

    private static Map<String, Object> column(String name, String type) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("name", name);
        c.put("required", Boolean.TRUE);
        return c;
    }

    /** A single-quoted YAML scalar: always read back as the same string. */
    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new LatheException("cannot write model metadata as JSON: " + e.getMessage(), e);
        }
    }
}
