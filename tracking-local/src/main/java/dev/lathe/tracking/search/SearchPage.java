package dev.lathe.tracking.search;

import java.util.List;
import java.util.Optional;

/** One page of search results plus the token that fetches the next page, if there are more rows. */
public record SearchPage<T>(List<T> items, Optional<String> nextPageToken) {
    public SearchPage {
        items = List.copyOf(items);
        nextPageToken = nextPageToken == null ? Optional.empty() : nextPageToken;
    }
}
