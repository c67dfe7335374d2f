package dev.lathe.core.tracking;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A registered model: unique name, times, description, tags and aliases (alias -> version). */
public record RegisteredModel(
        String name,
        long creationTime,
        long lastUpdatedTime,
        String description,
        SortedMap<String, String> tags,
        SortedMap<String, Integer> aliases) {
    public RegisteredModel {
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        aliases = Collections.unmodifiableSortedMap(new TreeMap<>(aliases));
    }
}
