package dev.lathe.tracking.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight JVMs open one store on an empty schema at the same moment (Optuna#1092/#4621, MLflow's racing
 * migrations): all succeed, every migration is recorded once, and their runs all land in one experiment.
 */
class ConcurrentMigrationTest {
    @TempDir
    Path dir;

    @Test
    void eightProcessesMigrateAnEmptyDatabaseExactlyOnce() throws Exception {
        int processes = 8;
        String schema = PostgresTestServer.freshSchema();
        String url = PostgresTestServer.storeUrl(schema, dir.resolve("artifacts"));
        Path go = dir.resolve("go");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            children.add(new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Xmx128m",
                            OpenStoreMain.class.getName(),
                            url,
                            go.toString())
                    .redirectErrorStream(true)
                    .start());
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (ready() < processes && System.currentTimeMillis() < deadline) {
            Thread.sleep(20); // every JVM started and loaded its classes, then waits on the same file
        }
        assertEquals(processes, ready(), "processes ready");
        Files.writeString(go, "go");
        for (Process p : children) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            assertEquals(0, p.exitValue(), out);
        }
        int latest = PostgresSchema.migrations()
                .get(PostgresSchema.migrations().size() - 1)
                .version();
        try (Connection c = PostgresTestServer.connect();
                Statement st = c.createStatement()) {
            assertEquals(
                    latest,
                    count(st, "SELECT count(*) FROM " + schema + ".lathe_schema_version"),
                    "each migration recorded once");
            assertEquals(latest, count(st, "SELECT count(DISTINCT version) FROM " + schema + ".lathe_schema_version"));
            assertEquals(1, count(st, "SELECT count(*) FROM " + schema + ".experiments WHERE name = 'migrating'"));
            assertEquals(processes, count(st, "SELECT count(*) FROM " + schema + ".runs"));
        }
    }

    private long ready() throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("go.ready."))
                    .count();
        }
    }

    private static int count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
