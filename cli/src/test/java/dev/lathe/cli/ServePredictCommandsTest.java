package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.io.TableReader;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.workflow.PipelineSource;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code lathe serve} and {@code lathe predict} on a model trained and registered by the command line:
 * the server answers MLflow's protocol with the registered pipeline's predictions, and a month is
 * scored to a file with the same predictions; bad input exits 2 naming it.
 */
class ServePredictCommandsTest {
    @TempDir
    Path dir;

    private String registerRidge() {
        String store = dir.resolve("store").toString();
        CliRun train = CliRun.of(
                "train",
                "--trainer",
                "ridge",
                "--train",
                CliRun.data("2023-01").toString(),
                "--valid",
                CliRun.data("2023-02").toString(),
                "--register",
                "taxi",
                "--alias",
                "champion",
                "--store",
                store);
        assertEquals(0, train.code(), train.toString());
        return store;
    }

    private FittedPipeline champion(String store) {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(Path.of(store))) {
            return PipelineSource.load("models:/taxi@champion", s);
        }
    }

    @Test
    void serveAnswersMlflowsProtocolWithTheRegisteredModelsPredictions() throws Exception {
        String store = registerRidge();
        double expected =
                champion(store).predict(Map.of("PULocationID", 166L, "DOLocationID", 143L, "trip_distance", 2.58));
        PipedReader pipe = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        StringWriter err = new StringWriter();
        Thread runner = new Thread(() -> exit.complete(LatheCli.execute(
                out,
                new PrintWriter(err),
                "serve",
                "models:/taxi@champion",
                "--port",
                "0",
                "--follow-alias",
                "1s",
                "--store",
                store)));
        runner.start();
        String line = new BufferedReader(pipe).readLine();
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+))").matcher(line);
        assertTrue(m.find(), line);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(m.group(1) + "/invocations"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"dataframe_records\": [{\"PULocationID\": 166, \"DOLocationID\": 143,"
                                                + " \"trip_distance\": 2.58}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"predictions\":[" + expected + "]}", r.body());
        runner.interrupt();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString());
    }

    @Test
    void predictWritesTheMonthWithItsPredictionsAndBadInputExitsTwo() throws Exception {
        String store = registerRidge();
        Path out = dir.resolve("scored.parquet");
        CliRun run = CliRun.of(
                "predict",
                "--model",
                "models:/taxi@champion",
                "--data",
                CliRun.data("2023-02").toString(),
                "--output",
                out.toString(),
                "--json",
                "--store",
                store);
        assertEquals(0, run.code(), run.toString());
        Table feb = TableReader.read(CliRun.data("2023-02"));
        assertTrue(run.out().contains("\"rows_out\":" + feb.rowCount()), run.out());
        double[] expected = champion(store).predict(feb);
        double[] got = TableReader.read(out).numberColumn("prediction").asDoubleArray();
        assertEquals(expected.length, got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 0.0);
        }

        Path bad = Files.writeString(dir.resolve("bad.csv"), "PULocationID,trip_distance\n1,2.5\n");
        CliRun missing = CliRun.of(
                "predict",
                "--model",
                "models:/taxi@champion",
                "--data",
                bad.toString(),
                "--output",
                dir.resolve("x.csv").toString(),
                "--store",
                store);
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("bad.csv") && missing.err().contains("DOLocationID"), missing.toString());
        assertFalse(Files.exists(dir.resolve("x.csv")));

        CliRun format = CliRun.of(
                "predict",
                "--model",
                "models:/taxi@champion",
                "--data",
                CliRun.data("2023-02").toString(),
                "--output",
                dir.resolve("x.json").toString(),
                "--store",
                store);
        assertEquals(2, format.code(), format.toString());
        assertTrue(format.err().contains("x.json"), format.toString());
    }

    @Test
    void serveStartedAloneIsTheSameCommandAsInTheWholeCommandLine() {
        CliRun alone = CliRun.of("serve", "--help");
        CliRun whole = CliRun.of("help", "serve");
        assertEquals(0, alone.code(), alone.toString());
        assertTrue(alone.out().startsWith("Usage: lathe serve "), alone.toString());
        assertEquals(whole.out(), alone.out());
    }

    @Test
    void followingAFilePathOrABadTimeoutIsInvalidParameterValue() {
        CliRun path = CliRun.of("serve", "model.lathe", "--follow-alias", "10s");
        assertEquals(2, path.code(), path.toString());
        assertTrue(path.err().contains("--follow-alias needs a models:/ or runs:/ URI"), path.toString());
        CliRun timeout = CliRun.of("serve", "models:/x@y", "--timeout", "soon", "--store", dir.toString());
        assertEquals(2, timeout.code(), timeout.toString());
        assertTrue(timeout.err().contains("--timeout") && timeout.err().contains("soon"), timeout.toString());
    }
}
