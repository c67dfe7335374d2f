package dev.lathe.core.tracking;

import dev.lathe.core.InvalidParameterException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a tracking store lives, as the user wrote it (a directory path or a URL whose scheme names the
 * backend), and the one way to open it: the {@link TrackerProvider} on the class path that claims it.
 *
 * <p>The rule: a location is a URL when it starts with {@code scheme://}, with {@code jdbc:}, or with
 * {@code scheme:} for a scheme a backend on the class path claims ({@code file:}, {@code sqlite:},
 * {@code postgresql:}); a URL no backend claims is an error naming the location and the backends there
 * are. Anything else is a directory path for the backend that opens directories (the embedded SQLite
 * store), so {@code /data/runs:2024}, {@code ./a:b} or {@code runs:2024} are directories. A scheme is a
 * letter then at least one more letter, digit, {@code +}, {@code .} or {@code -}, so a drive letter is
 * never one.
 */
public record StoreAddress(String text) {
    /** System property naming the store when no location is given. */
    public static final String PROPERTY = "lathe.store";
    /** Environment variable naming the store when neither a location nor {@value #PROPERTY} is given. */
    public static final String ENV = "LATHE_STORE";
    /** The store's directory, in the working directory, when nothing names one. */
    public static final String DEFAULT_DIR = "lathe-store";

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):(?://)?");
    private static final String JDBC = "jdbc";

    public StoreAddress {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("a tracking store location must not be blank, got '" + text + "'");
        }
    }

    /** The location {@code text}: a directory path or a URL. */
    public static StoreAddress of(String text) {
        return new StoreAddress(text);
    }

    /** {@code explicit} when given, else this JVM's {@value #PROPERTY}, else {@value #ENV}, else {@value #DEFAULT_DIR}. */
    public static StoreAddress resolve(Optional<String> explicit) {
        return resolve(explicit, System.getProperties(), System.getenv());
    }

    /** As {@link #resolve(Optional)} against the given properties and environment (so the rule is testable). */
    public static StoreAddress resolve(Optional<String> explicit, Properties props, Map<String, String> env) {
        if (explicit.isPresent() && !explicit.get().isBlank()) {
            return of(explicit.get());
        }
        String prop = props.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return of(prop);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return of(fromEnv);
        }
        return of(DEFAULT_DIR);
    }

    /**
     * The scheme the text starts with, lower case ({@code jdbc:} with its sub-protocol: {@code
     * jdbc:postgresql}), whether or not a backend claims it; empty when it starts with none.
     */
    public Optional<String> scheme() {
        Matcher m = SCHEME.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (scheme.equals(JDBC)) {
            Matcher sub = SCHEME.matcher(text.substring(JDBC.length() + 1));
            return Optional.of(sub.find() ? JDBC + ":" + sub.group(1).toLowerCase(Locale.ROOT) : JDBC);
        }
        return Optional.of(scheme);
    }

    /** Whether the text must be a URL whatever backends there are: {@code scheme://...} or {@code jdbc:...}. */
    private boolean surelyUrl() {
        return scheme().filter(s -> s.startsWith(JDBC) || text.regionMatches(s.length(), "://", 0, 3))
                .isPresent();
    }

    /** The backend on the class path that opens this location (see the rule on this type). */
    public TrackerProvider provider() {
        return provider(ServiceLoader.load(TrackerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** The backend among {@code providers} that opens this location, or an error naming location and backends. */
    TrackerProvider provider(List<TrackerProvider> providers) {
        Optional<String> scheme = scheme();
        if (scheme.isPresent()) {
            Optional<TrackerProvider> claimed = providers.stream()
                    .filter(p -> p.schemes().contains(scheme.get()))
                    .findFirst();
            if (claimed.isPresent()) {
                return claimed.get();
            }
            if (surelyUrl()) {
                throw new InvalidParameterException(String.format(
                        "no tracking backend on the class path opens store location '%s' (scheme '%s'); %s",
                        text, scheme.get(), describe(providers)));
            }
        }
        return providers.stream()
                .filter(TrackerProvider::opensDirectories)
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(String.format(
                        "no tracking backend on the class path opens store location '%s' as a directory; %s",
                        text, describe(providers))));
    }

    /** The backends there are and what each opens, for errors. */
    static String describe(List<TrackerProvider> providers) {
        if (providers.isEmpty()) {
            return "there is none: add lathe-tracking-local (directories) or another module that provides "
                    + TrackerProvider.class.getName();
        }
        return "backends on the class path: "
                + providers.stream().map(StoreAddress::opens).collect(Collectors.joining("; "));
    }

    private static String opens(TrackerProvider p) {
        String schemes = p.schemes().stream().sorted().map(s -> s + ":").collect(Collectors.joining(", "));
        String what = p.opensDirectories() ? (schemes.isEmpty() ? "directories" : "directories, " + schemes) : schemes;
        return p.module() + " (" + what + ")";
    }

    /** Opens the tracker at this location (a {@link TrackingStore} or a backend with the tracker contract only). */
    public Tracker openTracker() {
        return provider().open(text);
    }

    /** Opens, creating it when needed, the store at this location. */
    public TrackingStore open() {
        TrackerProvider provider = provider();
        return store(provider, provider.open(text));
    }

    /** Opens the store at this location for reading (read-only where the backend can). */
    public TrackingStore openForReading() {
        TrackerProvider provider = provider();
        return store(provider, provider.openForReading(text));
    }

    private TrackingStore store(TrackerProvider provider, Tracker opened) {
        if (opened instanceof TrackingStore store) {
            return store;
        }
        opened.close();
        throw new InvalidParameterException(String.format(
                "the backend %s opened store location '%s' as a tracker without MLflow's store surface (%s)",
                provider.module(), text, TrackingStore.class.getName()));
    }

    @Override
    public String toString() {
        return text;
    }
}
