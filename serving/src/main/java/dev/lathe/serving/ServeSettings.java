package dev.lathe.serving;

import dev.lathe.core.LatheException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * How a model server runs: where it listens (loopback unless told otherwise), how long one scoring
 * request may take, how often it checks whether the model URI now names another version (none: never),
 * and how long a shutdown waits for the requests under way.
 *
 * @param address where to listen; port 0 picks a free one
 * @param timeout the longest a request may score before it is answered 503
 * @param followEvery how often to resolve the model URI again, empty to load it once
 * @param grace how long closing waits for requests under way
 */
public record ServeSettings(
        InetSocketAddress address, Duration timeout, Optional<Duration> followEvery, Duration grace) {
    /** MLflow's scoring server's port. */
    public static final int DEFAULT_PORT = 5001;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    public ServeSettings {
        LatheException.check(
                !timeout.isNegative() && !timeout.isZero(), "serve: the timeout must be positive, got %s", timeout);
        followEvery.ifPresent(d -> LatheException.check(
                !d.isNegative() && !d.isZero(), "serve: --follow-alias must be a positive period, got %s", d));
        LatheException.check(!grace.isNegative(), "serve: the shutdown grace must not be negative, got %s", grace);
    }

    /** 127.0.0.1:5001, a five-second timeout, no alias following, five seconds of grace. */
    public static ServeSettings defaults() {
        return new ServeSettings(
                new InetSocketAddress(DEFAULT_HOST, DEFAULT_PORT), DEFAULT_TIMEOUT, Optional.empty(), DEFAULT_GRACE);
    }

    public ServeSettings withAddress(InetSocketAddress address) {
        return new ServeSettings(address, timeout, followEvery, grace);
    }

    public ServeSettings withTimeout(Duration timeout) {
        return new ServeSettings(address, timeout, followEvery, grace);
    }

    public ServeSettings following(Duration every) {
        return new ServeSettings(address, timeout, Optional.of(every), grace);
    }

    public ServeSettings withGrace(Duration grace) {
        return new ServeSettings(address, timeout, followEvery, grace);
    }
}
