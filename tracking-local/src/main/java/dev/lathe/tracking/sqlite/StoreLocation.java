package dev.lathe.tracking.sqlite;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the store lives: an explicit path wins, then system property {@code lathe.store}, then
 * environment variable {@code LATHE_STORE}, then {@code ./lathe-store} in the working directory.
 */
public final class StoreLocation {
    public static final String PROPERTY = "lathe.store";
    public static final String ENV = "LATHE_STORE";
    public static final String DEFAULT_DIR = "lathe-store";
    public static final String DB_FILE = "lathe.db";
    public static final String ARTIFACTS_DIR = "artifacts";

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
        String prop = props.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return Path.of(DEFAULT_DIR).toAbsolutePath().normalize();
    }
}
