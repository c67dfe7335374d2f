package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a new run needs: its experiment (required), and optionally a name (generated when absent),
 * a parent run for nesting (search trials under their search), a description and initial tags.
 */
public final class RunSpec {
    private final String experimentId;
    private final String runName;
    private final String parentRunId;
    private final String description;
    private final Map<String, String> tags;

    private RunSpec(Builder b) {
        this.experimentId = b.experimentId;
        this.runName = b.runName;
        this.parentRunId = b.parentRunId;
        this.description = b.description;
        this.tags = Map.copyOf(b.tags);
    }

    public static Builder builder(String experimentId) {
        return new Builder(experimentId);
    }

    public String experimentId() {
        return experimentId;
    }

    public Optional<String> runName() {
        return Optional.ofNullable(runName);
    }

    public Optional<String> parentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** Builder with the experiment id as its required argument. */
    public static final class Builder {
        private final String experimentId;
        private String runName;
        private String parentRunId;
        private String description;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder(String experimentId) {
            LatheException.check(
                    experimentId != null && !experimentId.isBlank(),
                    "a run needs an experiment id, got '%s'",
                    experimentId);
            this.experimentId = experimentId;
        }

        public Builder runName(String runName) {
            this.runName = runName;
            return this;
        }

        public Builder parentRunId(String parentRunId) {
            this.parentRunId = parentRunId;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public RunSpec build() {
            return new RunSpec(this);
        }
    }
}
