package dev.lathe.core.tracking;

/**
 * Service-provider interface that lets code which only knows core (the JUnit extension, autologging
 * defaults) open the default tracker of whatever backend is on the class path. Backends list their
 * implementation in {@code META-INF/services/dev.lathe.core.tracking.TrackerProvider}.
 */
public interface TrackerProvider {
    /** Opens the backend's default tracker (for the local store: $LATHE_STORE, -Dlathe.store, ./lathe-store). */
    Tracker openDefault();

    /** Opens a tracker at a location given as a path or URI. */
    Tracker open(String location);

    /** Finds the first provider on the class path. */
    static TrackerProvider find() {
        return java.util.ServiceLoader.load(TrackerProvider.class)
                .findFirst()
                .orElseThrow(() -> new dev.lathe.core.ResourceNotFoundException(
                        "no tracking backend on the class path: add lathe-tracking-local (it provides "
                                + TrackerProvider.class.getName() + ")"));
    }
}
