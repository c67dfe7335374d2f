package dev.lathe.core.tracking;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An experiment as read back from a store: id, unique name, artifact root, stage, times and tags. */
public record Experiment(
        String experimentId,
        String name,
        String artifactLocation,
        LifecycleStage lifecycleStage,
        long creationTime,
        long lastUpdateTime,
        SortedMap<String, String> tags) {
    public Experiment {
        tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** Convenience constructor from any map of tags. */
    public static Experiment of(
            String id,
            String name,
            String location,
            LifecycleStage stage,
            long created,
            long updated,
            Map<String, String> tags) {
        return new Experiment(id, name, location, stage, created, updated, new TreeMap<>(tags));
    }
}
