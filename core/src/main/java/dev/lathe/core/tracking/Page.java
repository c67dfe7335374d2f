package dev.lathe.core.tracking;

import java.util.List;
import java.util.Optional;

/** One page of search results and the token of the next page, absent on the last page. */
public record Page<T>(List<T> items, Optional<String> nextPageToken) {
    public Page {
        items = List.copyOf(items);
    }
}
