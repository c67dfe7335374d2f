package dev.lathe.tracking.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code $LATHE_TEST_POSTGRES_URL} when set (CI starts one with
 * {@code scripts/pg-throwaway.sh}), otherwise a throwaway cluster this JVM starts with that same script
 * and stops at exit. Without PostgreSQL's binaries the tests fail naming Debian's package, unless
 * {@code -Dlathe.pg.skip=true}. Each store a test opens lives in a schema of its own. Shared with other
 * modules' tests through this module's test jar.
 */
public final class PostgresTestServer {
    static final String URL_VARIABLE = "LATHE_TEST_POSTGRES_URL";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String url;

    private PostgresTestServer() {}

    /** The server's URL ({@code postgresql://user@host:port/db}, no query). */
    public static synchronized String url() {
        if (url == null) {
            String given = System.getenv(URL_VARIABLE);
            url = given != null && !given.isBlank() ? given.trim() : startThrowaway();
        }
        return url;
    }

    /** A store URL on a schema no other store uses, with its artifacts under {@code artifacts}. */
    public static String freshStoreUrl(Path artifacts) {
        return storeUrl(freshSchema(), artifacts);
    }

    public static String freshSchema() {
        return "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    public static String storeUrl(String schema, Path artifacts) {
        String base = url();
        return base + (base.contains("?") ? "&" : "?") + "schema=" + schema + "&artifacts="
                + artifacts.toAbsolutePath();
    }

    /** A plain JDBC connection to the server (for checks from outside the store). */
    public static Connection connect() throws SQLException {
        PostgresLocation location =
                PostgresLocation.parse(url() + (url().contains("?") ? "&" : "?") + "artifacts=/tmp");
        Properties props = new Properties();
        location.user().ifPresent(u -> props.setProperty("user", u));
        location.password().ifPresent(p -> props.setProperty("password", p));
        return DriverManager.getConnection(location.jdbcUrl(), props);
    }

    private static String startThrowaway() {
        if (Boolean.getBoolean("lathe.pg.skip")) {
            Assumptions.abort("PostgreSQL tests skipped (-Dlathe.pg.skip=true)");
        }
        Path script = findScript();
        try {
            Path dir = Files.createTempDirectory("lathe-pg-");
            Files.delete(dir); // the script creates it, owned by the server's user
            Process p = new ProcessBuilder("bash", script.toString(), "start", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.waitFor();
            if (code == 3) {
                throw new IllegalStateException("no PostgreSQL server binaries: install Debian's package postgresql-15"
                        + " (apt-get install postgresql-15), set " + URL_VARIABLE + " to a server of yours, or skip"
                        + " these tests with -Dlathe.pg.skip=true");
            }
            if (code != 0 || !out.startsWith("postgresql://")) {
                throw new IllegalStateException(script + " start " + dir + " failed (exit " + code + "): " + out);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, dir), "lathe-pg-throwaway-stop"));
            return out.lines().reduce((a, b) -> b).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a throwaway PostgreSQL with " + script + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting PostgreSQL", e);
        }
    }

    private static void stop(Path script, Path dir) {
        try {
            new ProcessBuilder("bash", script.toString(), "stop", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            System.err.println("cannot stop the throwaway PostgreSQL in " + dir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code scripts/pg-throwaway.sh} of the checkout the tests run in. */
    private static Path findScript() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("scripts").resolve("pg-throwaway.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "scripts/pg-throwaway.sh not found above " + Path.of("").toAbsolutePath());
    }
}
