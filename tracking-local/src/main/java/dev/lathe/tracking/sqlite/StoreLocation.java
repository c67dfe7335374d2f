package dev.lathe.tracking.sqlite;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.StoreAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where the embedded store lives and how it is laid out: the directory a location names (a path, a
 * {@code file:} URI or {@code sqlite:DIR}), found by core's rule ({@link StoreAddress#resolve}: an
 * explicit location, then system property {@code lathe.store}, then environment variable {@code
 * LATHE_STORE}, then {@code ./lathe-store} in the working directory).
 */
public final class StoreLocation {
    public static final String PROPERTY = StoreAddress.PROPERTY;
    public static final String ENV = StoreAddress.ENV;
    public static final String DEFAULT_DIR = StoreAddress.DEFAULT_DIR;
    public static final String DB_FILE = "lathe.db";
    public static final String ARTIFACTS_DIR = "artifacts";
    static final String FILE_SCHEME = "file";
    static final String SQLITE_SCHEME = "sqlite";
    /** The URL schemes that name a directory of the embedded store. */
    static final Set<String> SCHEMES = Set.of(FILE_SCHEME, SQLITE_SCHEME);

    private StoreLocation() {}

    /** Resolves against this JVM's system properties and environment. */
    public static Path resolve(Optional<Path> explicit) {
        return resolve(explicit, System.getProperties(), System.getenv());
    }

    /** Resolves against the given properties and environment (so the rule is testable). */
    public static Path resolve(Optional<Path> explicit, Properties props, Map<String, String> env) {
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath().normalize();
        }
        return directory(StoreAddress.resolve(Optional.empty(), props, env));
    }

    /**
     * The absolute directory {@code address} names: {@code file:} URIs and {@code sqlite:DIR} (also {@code
     * sqlite:///abs/dir}) by their path, a location with no scheme or one no backend claims as a path
     * (so {@code /data/runs:2024} is a directory); any other URL is an error naming it.
     */
    public static Path directory(StoreAddress address) {
        String text = address.text();
        Optional<String> scheme = address.scheme();
        try {
            if (scheme.equals(Optional.of(FILE_SCHEME))) {
                return Path.of(URI.create(text)).toAbsolutePath().normalize();
            }
            if (scheme.equals(Optional.of(SQLITE_SCHEME))) {
                String rest = text.substring(SQLITE_SCHEME.length() + 1);
                return Path.of(rest.startsWith("//") ? rest.substring(2) : rest)
                        .toAbsolutePath()
                        .normalize();
            }
            if (scheme.isPresent() && (scheme.get().startsWith("jdbc") || text.contains("://"))) {
                throw new InvalidParameterException(String.format(
                        "the embedded SQLite store opens a directory, a file: URI or sqlite:DIR, got store location '%s'",
                        text));
            }
            return Path.of(text).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    String.format(
                            "store location '%s' is not a directory path nor a file: URI: %s", text, e.getMessage()),
                    e);
        }
    }
}
