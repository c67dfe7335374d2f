package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;

/**
 * A dataset used by a run, as MLflow records run inputs: name, content digest, where it came from,
 * its schema (feature names, as JSON), row count, and the context it was used in (train, eval, test).
 */
public record DatasetInput(String name, String digest, String source, String schema, long rows, String context) {
    public DatasetInput {
        LatheException.check(name != null && !name.isBlank(), "dataset input needs a name");
        LatheException.check(digest != null && !digest.isBlank(), "dataset input '%s' needs a digest", name);
        LatheException.check(rows >= 0, "dataset input '%s' rows must be >= 0, got %d", name, rows);
    }
}
