package dev.lathe.tracking.postgres;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a PostgreSQL tracking store is: {@code postgresql://[user[:password]@]host[:port]/database} or
 * {@code jdbc:postgresql://host[:port]/database[?driver options]}, with Lathe's own query parameters
 * {@code artifacts} (the artifact root every worker reaches, required), {@code pool} (the most
 * connections this process opens, default {@value #DEFAULT_POOL}) and {@code schema} (the schema the
 * tables live in, default the user's search path); every other parameter goes to the driver.
 */
record PostgresLocation(
        String jdbcUrl,
        Optional<String> user,
        Optional<String> password,
        Path artifactRoot,
        int pool,
        Optional<String> schema,
        String redacted) {

    /** Few connections per process, so that 50 workers stay under PostgreSQL's default 100. */
    static final int DEFAULT_POOL = 2;

    static final String ARTIFACTS = "artifacts";
    static final String POOL = "pool";
    static final String SCHEMA = "schema";

    /** Whether {@code location} names a PostgreSQL store (either URL form). */
    static boolean accepts(String location) {
        return location != null && (location.startsWith("postgresql://") || location.startsWith("jdbc:postgresql:"));
    }

    static PostgresLocation parse(String location) {
        LatheException.check(
                accepts(location),
                "a PostgreSQL store location starts with postgresql:// or jdbc:postgresql:, got '%s'",
                location);
        String url = location.startsWith("jdbc:") ? location.substring("jdbc:".length()) : location;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidParameterException(
                    "PostgreSQL store URL '" + redact(location) + "' is malformed: " + e.getMessage(), e);
        }
        LatheException.check(
                uri.getHost() != null && uri.getPath() != null && uri.getPath().length() > 1,
                "PostgreSQL store URL '%s' must name a host and a database (postgresql://host:port/database)",
                redact(location));
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        Path artifacts = null;
        int pool = DEFAULT_POOL;
        Optional<String> schema = Optional.empty();
        List<String> driverOptions = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                String key = decode(kv[0]);
                String value = kv.length > 1 ? decode(kv[1]) : "";
                switch (key) {
                    case ARTIFACTS -> artifacts = artifactRoot(location, value);
                    case POOL -> pool = poolSize(location, value);
                    case SCHEMA -> schema = Optional.of(schemaName(location, value));
                    case "user" -> user = Optional.of(value);
                    case "password" -> password = Optional.of(value);
                    default -> driverOptions.add(pair);
                }
            }
        }
        LatheException.check(
                artifacts != null,
                "PostgreSQL store URL '%s' has no '%s' parameter: give the artifact root every worker reaches,"
                        + " for example ?%s=/shared/lathe-artifacts",
                redact(location),
                ARTIFACTS,
                ARTIFACTS);
        String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String jdbc = "jdbc:postgresql://" + hostPort + uri.getRawPath()
                + (driverOptions.isEmpty() ? "" : "?" + String.join("&", driverOptions));
        return new PostgresLocation(jdbc, user, password, artifacts, pool, schema, redact(location));
    }

    private static Path artifactRoot(String location, String value) {
        LatheException.check(
                !value.isBlank(), "PostgreSQL store URL '%s': parameter '%s' is empty", redact(location), ARTIFACTS);
        Path p = value.startsWith("file:") ? Path.of(URI.create(value)) : Path.of(value);
        return p.toAbsolutePath().normalize();
    }

    private static int poolSize(String location, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            LatheException.check(n >= 1 && n <= 64, "out of range");
            return n;
        } catch (RuntimeException e) {
            throw new InvalidParameterException(
                    "PostgreSQL store URL '" + redact(location) + "': parameter '" + POOL
                            + "' must be a whole number from 1 to 64, got '" + value + "'",
                    e);
        }
    }

    private static String schemaName(String location, String value) {
        LatheException.check(
                value.matches("[a-z_][a-z0-9_]{0,62}"),
                "PostgreSQL store URL '%s': parameter '%s' must be a lower-case SQL name, got '%s'",
                redact(location),
                SCHEMA,
                value);
        return value;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code location} with any password replaced by {@code ***}. */
    static String redact(String location) {
        return location.replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
