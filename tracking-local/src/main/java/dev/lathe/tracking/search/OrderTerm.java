package dev.lathe.tracking.search;

import java.util.Objects;

/** One parsed order-by term such as {@code metrics.rmse DESC}; {@code key} is canonical (aliases resolved). */
public record OrderTerm(EntityType entity, String key, boolean ascending) {
    public OrderTerm {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
    }
}
