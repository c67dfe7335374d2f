package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lathe ui} in-process on a free port: it prints its address, answers MLflow's API, and stops. */
class UiCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesMlflowsApiOnTheAddressItPrints() throws Exception {
        PipedReader pipe = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
        Thread[] runner = new Thread[1];
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        runner[0] = new Thread(() -> exit.complete(LatheCli.execute(
                out,
                new PrintWriter(new StringWriter()),
                "ui",
                "--port",
                "0",
                "--store",
                dir.resolve("store").toString())));
        runner[0].start();

        String line = new BufferedReader(pipe).readLine();
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+)) ").matcher(line);
        assertTrue(m.find(), line);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(
                                m.group(1) + "/api/2.0/mlflow/experiments/get-by-name?experiment_name=Default"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"experiment_id\":\"0\""), r.body());

        runner[0].interrupt();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        runner[0].join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(runner[0].isAlive());
        assertThrows(
                ConnectException.class,
                () -> http.send(
                        HttpRequest.newBuilder(URI.create(m.group(1) + "/")).build(),
                        HttpResponse.BodyHandlers.ofString()),
                "the port is closed after the command returns");
    }

    @Test
    void aBadPortIsInvalidParameterValue() {
        CliRun run = CliRun.of(
                "ui", "--port", "70000", "--store", dir.resolve("store").toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--port must be in 0..65535, got 70000"), run.toString());
    }
}
