package dev.lathe.core.tracking;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One version of a registered model: number, source artifact URI, producing run, stage, tags, aliases. */
public record ModelVersion(
        String name,
        int version,
        long creationTime,
        long lastUpdatedTime,
        String description,
        String userId,
        ModelStage currentStage,
        String source,
        Optional<String> runId,
        String status,
        SortedMap<String, String> tags,
        List<String> aliases) {
    public ModelVersion {
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        aliases = List.copyOf(aliases);
    }
}
