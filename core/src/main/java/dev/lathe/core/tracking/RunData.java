package dev.lathe.core.tracking;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a run holds: the latest point of every metric, its params and its tags, each keyed by name. */
public record RunData(
        SortedMap<String, Metric> latestMetrics, SortedMap<String, String> params, SortedMap<String, String> tags) {
    public RunData {
        latestMetrics = Collections.unmodifiableSortedMap(new TreeMap<>(latestMetrics));
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }
}
