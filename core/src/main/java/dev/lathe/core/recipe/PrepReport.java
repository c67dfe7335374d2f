package dev.lathe.core.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a recipe did to one table: rows read, rows removed by each filter (in the order the filters
 * ran), rows kept. Nothing is dropped silently: {@code rowsRead == rowsKept + sum(removedBy)}.
 */
public record PrepReport(String source, long rowsRead, Map<String, Long> removedBy, long rowsKept) {
    public PrepReport {
        removedBy = Collections.unmodifiableMap(new LinkedHashMap<>(removedBy));
    }

    public long rowsRemoved() {
        return removedBy.values().stream().mapToLong(Long::longValue).sum();
    }
}
