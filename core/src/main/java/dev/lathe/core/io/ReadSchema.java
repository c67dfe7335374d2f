package dev.lathe.core.io;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The types a caller knows for some columns of a file, so that a reader parses them straight into those
 * types (no inference) and reports a value that does not fit as an error naming the file, column, line
 * and value. Columns not declared here are inferred.
 */
public record ReadSchema(Map<String, CellType> declared) {
    /** No declared types: every column is inferred. */
    public static final ReadSchema INFERRED = new ReadSchema(Map.of());

    public ReadSchema {
        declared = Map.copyOf(declared);
    }

    /** This schema with {@code column} declared as {@code type}. */
    public ReadSchema with(String column, CellType type) {
        Map<String, CellType> next = new TreeMap<>(declared);
        next.put(column, type);
        return new ReadSchema(next);
    }

    /** The declared type of {@code column}, if any. */
    public Optional<CellType> typeOf(String column) {
        return Optional.ofNullable(declared.get(column));
    }
}
