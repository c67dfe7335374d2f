package dev.lathe.core.tracking;

import java.util.List;

/**
 * Keys of one kind logged in an experiment that match a search: the first ones in name order and how
 * many match in all, so a column picker over thousands of metric keys stays small.
 */
public record KeyMatches(List<String> keys, int total) {
    public KeyMatches {
        keys = List.copyOf(keys);
    }
}
