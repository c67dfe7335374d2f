package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.tracking.sqlite.StoreLocation;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store DIR|URL}: a URL's scheme picks the backend on the class path (here the test-scope
 * {@link RelayTrackerProvider}), in commands, in {@code lathe ui} and from {@code $LATHE_STORE}; an
 * unknown scheme is exit 2 naming the location and the backends; a path with a colon is a directory.
 */
class StoreUrlCliTest {
    @TempDir
    Path dir;

    @Test
    void commandsOpenAUrlStoreThroughTheBackendThatClaimsItsScheme() {
        Path store = dir.resolve("relayed");
        CliRun created = CliRun.of("experiments", "create", "fares", "--store", RelayTrackerProvider.url(store));
        assertEquals(0, created.code(), created.toString());
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            assertTrue(s.getExperimentByName("fares").isPresent(), "the relay backend wrote into its directory");
        }
        CliRun listed = CliRun.of("experiments", "list", "--store", RelayTrackerProvider.url(store));
        assertEquals(0, listed.code(), listed.toString());
        assertTrue(listed.out().lines().anyMatch(l -> l.matches("\\d+\\s+fares\\s+active.*")), listed.out());
        assertFalse(Files.exists(Path.of("relay:")), "no directory was made from the URL's text");
    }

    @Test
    void anUnknownSchemeIsExitTwoNamingTheLocationAndTheBackends() {
        for (String url : List.of("nosuch://host/db", "jdbc:nosuch://127.0.0.1:5432/lathe")) {
            CliRun run = CliRun.of("runs", "list", "--store", url);
            assertEquals(2, run.code(), run.toString());
            assertTrue(run.err().contains("store location '" + url + "'"), run.err());
            assertTrue(run.err().contains("lathe-tracking-local (directories, file:, sqlite:)"), run.err());
            assertTrue(run.err().contains("lathe-cli's tests (relay:)"), run.err());
        }
    }

    @Test
    void aPathWithAColonAndSqliteUrlsOpenTheEmbeddedStoreInTheirDirectory() {
        Path colon = dir.resolve("runs:2024");
        assertEquals(
                0,
                CliRun.of("experiments", "create", "a", "--store", colon.toString())
                        .code());
        assertTrue(Files.isRegularFile(colon.resolve(StoreLocation.DB_FILE)));
        CliRun viaUrl = CliRun.of("experiments", "list", "--store", "sqlite://" + colon);
        assertEquals(0, viaUrl.code(), viaUrl.toString());
        assertTrue(viaUrl.out().lines().anyMatch(l -> l.matches("\\d+\\s+a\\s+active.*")), viaUrl.out());
    }

    @Test
    void theEnvironmentVariableMayNameAUrl() throws IOException, InterruptedException {
        Path store = dir.resolve("from-env");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LatheCli.class.getName(),
                "experiments",
                "create",
                "from-env"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put(StoreLocation.ENV, RelayTrackerProvider.url(store));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            assertTrue(s.getExperimentByName("from-env").isPresent(), output);
        }
    }

    @Test
    void uiServesAUrlStore() throws Exception {
        Path store = dir.resolve("served");
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            s.createExperiment("served-over-relay");
        }
        PipedReader pipe = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = new Thread(() -> exit.complete(LatheCli.execute(
                out,
                new PrintWriter(new StringWriter()),
                "ui",
                "--port",
                "0",
                "--store",
                RelayTrackerProvider.url(store))));
        runner.start();
        try {
            String line = new BufferedReader(pipe).readLine();
            Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+)) ").matcher(line);
            assertTrue(m.find(), line);
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    m.group(1)
                                                            + "/api/2.0/mlflow/experiments/get-by-name?experiment_name=served-over-relay"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"name\":\"served-over-relay\""), r.body());
        } finally {
            runner.interrupt();
        }
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        runner.join(TimeUnit.SECONDS.toMillis(30));
    }

    @Test
    void anUnknownSchemeInUiIsExitTwo() {
        // preemptive: a ui that opened anything would serve until interrupted instead of failing
        CliRun run = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> CliRun.of("ui", "--port", "0", "--store", "nosuch://host/db"));
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("store location 'nosuch://host/db'"), run.err());
    }
}
