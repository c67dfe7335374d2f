package dev.lathe.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.DataException;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Batch scoring of a whole month: every input column plus the prediction, in a run with the row counts. */
class BatchPredictionTest {
    static TrainingData data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        data = TrainingData.load(LatheTest.month("2023-01"), LatheTest.month("2023-02"), TlcRecipes.course());
    }

    @Test
    void aMonthIsScoredToParquetAndCsvWithEveryInputColumnAndTheRunRecordsIt() {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            TrackedExperiment taxi = lathe.experiment("taxi");
            lathe.register(
                    taxi.train(new RidgeTrainer(RidgeParams.of(1.0)), data).runId(), "taxi", "champion");
            FittedPipeline pipeline = lathe.load("models:/taxi@champion");
            Path feb = LatheTest.month("2023-02");
            Table input = TableReader.read(feb);
            double[] expected = pipeline.predict(input);
            for (String name : List.of("scored.parquet", "scored.csv")) {
                Path out = tmp.resolve(name);
                PredictionResult result = taxi.predict("models:/taxi@champion", feb, out);
                assertEquals(input.rowCount(), result.rowsIn());
                assertEquals(input.rowCount(), result.rowsOut());
                Table scored = TableReader.read(out);
                List<String> columns = new ArrayList<>(input.columnNames());
                columns.add(BatchPrediction.PREDICTION);
                assertEquals(columns, scored.columnNames(), name);
                assertArrayEquals(
                        expected,
                        scored.numberColumn(BatchPrediction.PREDICTION).asDoubleArray(),
                        0.0,
                        name);

                Run run = lathe.store().getRun(result.runId());
                assertEquals(RunStatus.FINISHED, run.info().status());
                assertEquals(
                        input.rowCount(),
                        run.data().latestMetrics().get(BatchPrediction.ROWS_IN).value(),
                        0.0);
                assertEquals(
                        input.rowCount(),
                        run.data().latestMetrics().get(BatchPrediction.ROWS_OUT).value(),
                        0.0);
                assertEquals("models:/taxi@champion", run.data().params().get("model"));
                DatasetInput in = run.inputs().datasets().get(0);
                assertEquals(BatchPrediction.CONTEXT, in.context());
                assertEquals(input.rowCount(), in.rows());
                assertEquals(feb.toString(), in.source());
            }
        }
    }

    @Test
    void aFileWithoutAColumnTheModelReadsCreatesNoRunAndNoOutput() throws Exception {
        try (Lathe lathe = Lathe.open(tmp.resolve("store"))) {
            TrackedExperiment taxi = lathe.experiment("taxi");
            lathe.register(
                    taxi.train(new RidgeTrainer(RidgeParams.of(1.0)), data).runId(), "taxi", "champion");
            int runsBefore = lathe.store()
                    .searchRuns(List.of(taxi.id()), "", List.of(), 100, null, ViewType.ALL)
                    .items()
                    .size();
            Path bad = Files.writeString(tmp.resolve("bad.csv"), "PULocationID,DOLocationID\n1,2\n");
            Path out = tmp.resolve("out.csv");
            DataException e = assertThrows(DataException.class, () -> taxi.predict("models:/taxi@champion", bad, out));
            assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("trip_distance"), e.getMessage());
            assertFalse(Files.exists(out));
            assertEquals(
                    runsBefore,
                    lathe.store()
                            .searchRuns(List.of(taxi.id()), "", List.of(), 100, null, ViewType.ALL)
                            .items()
                            .size());
        }
    }
}
