package dev.lathe.core.tracking;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable view of a logged run through the small tracking interface: enough for a search to
 * resume (which trials finished, with which params and scores) without knowing the backend.
 */
public record RunSnapshot(
        String runId,
        String runName,
        RunStatus status,
        Optional<String> parentRunId,
        Map<String, String> params,
        Map<String, Double> latestMetrics,
        Map<String, String> tags) {
    public RunSnapshot {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        latestMetrics = Collections.unmodifiableMap(new TreeMap<>(latestMetrics));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
