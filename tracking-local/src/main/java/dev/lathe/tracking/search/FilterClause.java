package dev.lathe.tracking.search;

import java.util.Objects;

/**
 * One parsed {@code <identifier> <comparator> <value>} clause of a search filter; {@code key} is the
 * canonical key (aliases such as {@code created} are already resolved to {@code start_time}).
 */
public record FilterClause(EntityType entity, String key, CompareOp op, FilterValue value) {
    public FilterClause {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }
}
