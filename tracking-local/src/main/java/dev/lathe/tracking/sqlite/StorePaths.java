package dev.lathe.tracking.sqlite;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.tracking.search.RunSearchQuery;
import dev.lathe.tracking.validation.Printable;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.sqlite.Function;

/**
 * The paths a store records (experiment artifact locations, run artifact URIs, model-version sources),
 * kept relative to the store's root so that a copied, moved or renamed store stays whole and never
 * writes into its original; a path outside the store stays absolute. Reads resolve a relative record
 * against the root where the store is now, so callers always get a usable absolute path.
 */
final class StorePaths {
    /** A URI scheme of two or more characters ({@code runs:}, {@code models:}, {@code s3:}); one is a drive. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]+:.*", Pattern.DOTALL);

    private final Path root;

    StorePaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The form to record for a local location: relative to the root (forward slashes) when under it. */
    String toStored(Path location) {
        Path abs = location.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return abs.toString();
        }
        String rel = root.relativize(abs).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /** The absolute path of a recorded location: a relative record resolves against the root's current place. */
    String toAbsolute(String stored) {
        if (stored == null) {
            return null;
        }
        Path p = Path.of(stored);
        return p.isAbsolute() ? stored : root.resolve(p).normalize().toString();
    }

    /** Registers {@link RunSearchQuery#ABSOLUTE_LOCATION_FUNCTION}, {@link #toAbsolute} in SQL, on {@code c}. */
    void registerIn(Connection c) throws SQLException {
        Function.create(
                c,
                RunSearchQuery.ABSOLUTE_LOCATION_FUNCTION,
                new Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        result(toAbsolute(value_text(0)));
                    }
                },
                1,
                Function.FLAG_DETERMINISTIC);
    }

    /**
     * A caller's artifact location ({@code field} names it in errors) as a local path: a plain path
     * (relative to the working directory) or a {@code file:} URI; other schemes and malformed paths are
     * rejected.
     */
    static Path local(String field, String location) {
        try {
            if (location.startsWith("file:")) {
                return Path.of(URI.create(location)).toAbsolutePath().normalize();
            }
            if (SCHEME.matcher(location).matches()) {
                throw new InvalidParameterException(field + " '" + location
                        + "' is not supported: this store keeps artifacts on the file system"
                        + " (give a path or a file: URI)");
            }
            return Path.of(location).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) { // InvalidPathException included
            throw new InvalidParameterException(
                    field + " '" + Printable.of(location) + "' is not a valid path: " + Printable.of(e.getMessage()),
                    e);
        }
    }

    /** The form to record for a model-version source: URIs other than file: as given, local paths via {@link #toStored}. */
    String sourceToStored(String source) {
        if (SCHEME.matcher(source).matches() && !source.startsWith("file:")) {
            return source;
        }
        return toStored(local("model version source", source));
    }

    /** The source to show: a recorded relative path resolves against the root, anything else as recorded. */
    String sourceToAbsolute(String stored) {
        if (stored == null || SCHEME.matcher(stored).matches()) {
            return stored;
        }
        return toAbsolute(stored);
    }
}
