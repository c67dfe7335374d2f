package dev.lathe.core.tracking;

import java.util.Set;

/**
 * Service-provider interface of a tracking backend, so that code which only knows core (the CLI, the
 * entry point, the JUnit extension) opens a store from a location string through {@link StoreAddress}.
 * Backends list their implementation in {@code META-INF/services/dev.lathe.core.tracking.TrackerProvider}
 * and say which locations they open: URL schemes ({@link #schemes()}) and, for the embedded store,
 * plain directory paths ({@link #opensDirectories()}).
 */
public interface TrackerProvider {
    /** The Maven module that ships this backend, named in errors (for example {@code lathe-tracking-local}). */
    String module();

    /**
     * The URL schemes this backend opens, lower case, as {@link StoreAddress#scheme()} spells them: {@code
     * postgresql} for {@code postgresql://host/db}, {@code jdbc:postgresql} for {@code jdbc:postgresql://host/db}.
     */
    Set<String> schemes();

    /** Whether this backend opens a location that is not a URL as a directory (the embedded store does). */
    default boolean opensDirectories() {
        return false;
    }

    /** Opens, creating it when needed, the store at {@code location} (one this provider said it opens). */
    Tracker open(String location);

    /**
     * Opens the store at {@code location} for reading: backends that can never write nor wait on a writer
     * then; the default opens it as {@link #open} does.
     */
    default Tracker openForReading(String location) {
        return open(location);
    }
}
