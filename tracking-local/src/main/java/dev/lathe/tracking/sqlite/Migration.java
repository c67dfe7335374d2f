package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import java.util.List;

/** One schema step: its version number (1, 2, ...), a description and the SQL statements it runs. */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        LatheException.check(version >= 1, "migration version must be >= 1, got %d", version);
        statements = List.copyOf(statements);
    }
}
