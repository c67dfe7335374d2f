package dev.lathe.workflow;

import dev.lathe.core.DataException;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.StorageException;
import dev.lathe.core.io.TableFileWriter;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Batch scoring of a data file in a run of its own ({@code lathe predict}): the file is streamed in
 * chunks (CSV rows, Parquet row groups), each chunk scored and written with its input columns plus
 * {@value #PREDICTION}, so memory stays bounded whatever the file's length. The run records the model
 * URI, the input as a "predict" dataset, the output path and the row counts; the output file appears
 * only when every row was scored. A file without a column the model reads creates no run.
 */
final class BatchPrediction {
    /** The column the predictions are written to. */
    static final String PREDICTION = "prediction";
    /** The dataset context of the scored file. */
    static final String CONTEXT = "predict";
    /** Rows per CSV chunk (Parquet files are read one row group at a time). */
    static final int CHUNK_ROWS = 100_000;

    static final String ROWS_IN = "rows_in";
    static final String ROWS_OUT = "rows_out";

    private final TrackingStore store;
    private final String experimentId;
    private final String model;
    private final FittedPipeline pipeline;
    private final Path data;
    private final Path output;
    private ActiveRun run;
    private long rowsIn;

    BatchPrediction(TrackingStore store, String experimentId, String model, Path data, Path output) {
        this.store = store;
        this.experimentId = experimentId;
        this.model = model;
        this.pipeline = PipelineSource.load(model, store);
        this.data = data;
        this.output = output;
    }

    PredictionResult run() {
        if (!Files.isRegularFile(data)) {
            throw new ResourceNotFoundException("data file " + data + " does not exist");
        }
        try (TableFileWriter writer = TableFileWriter.open(output)) {
            try {
                TableReader.forEachChunk(data, CHUNK_ROWS, chunk -> score(chunk, writer));
                if (run == null) {
                    throw new DataException(data + " has no rows to score");
                }
                writer.commit();
                run.logMetrics(Map.of(ROWS_IN, (double) rowsIn, ROWS_OUT, (double) writer.rows()), 0);
                run.logInput(new DatasetInput(
                        data.getFileName().toString(), digest(data), data.toString(), "{}", rowsIn, CONTEXT));
                run.end(RunStatus.FINISHED);
                return new PredictionResult(run.runId(), rowsIn, writer.rows(), output);
            } catch (RuntimeException e) {
                if (run != null) {
                    RunConvention.failed(run, e);
                }
                throw e;
            } finally {
                if (run != null) {
                    run.close();
                }
            }
        }
    }

    private void score(Table chunk, TableFileWriter writer) {
        if (run == null) {
            check(chunk);
            run = store.startRun(
                    RunConvention.spec(experimentId, "predict-" + data.getFileName(), TrackedExperiment.SOURCE)
                            .tag("lathe.model_uri", model)
                            .tag(RunConvention.RECIPE_TAG, pipeline.recipe().name())
                            .build());
            run.logParams(Map.of("model", model, "data", data.toString(), "output", output.toString()));
        }
        double[] predictions = chunk.rowCount() == 0 ? new double[0] : pipeline.predict(chunk);
        chunk.addColumns(DoubleColumn.create(PREDICTION, predictions));
        writer.write(chunk);
        rowsIn += chunk.rowCount();
    }

    /** The file has every column the model reads, and none named like the prediction column. */
    private void check(Table first) {
        Set<String> missing = new TreeSet<>(pipeline.recipe().scoringColumns());
        missing.removeAll(first.columnNames());
        if (!missing.isEmpty()) {
            throw new DataException(
                    data + " has no column " + String.join(", ", missing) + ", which model " + model + " reads");
        }
        if (first.columnNames().contains(PREDICTION)) {
            throw new DataException(data + " already has a column '" + PREDICTION + "', where the predictions go");
        }
    }

    /** SHA-256 of the file's bytes, its first 16 hex digits (the dataset's digest). */
    private static String digest(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 20];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest())
                    .substring(0, 16);
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + " for its digest: " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
