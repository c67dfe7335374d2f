package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a new run needs: its experiment (required), and optionally a name (generated when absent),
 * a parent run for nesting (search trials under their search), a description, initial tags, and the
 * start time and user a remote client reports (the store's clock and the JVM's user when absent).
 */
public final class RunSpec {
    private final String experimentId;
    private final String runName;
    private final String parentRunId;
    private final String description;
    private final Map<String, String> tags;
    private final Long startTime;
    private final String user;

    private RunSpec(Builder b) {
        this.startTime = b.startTime;
        this.user = b.user;
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

    /** The start time in epoch millis the creator reports, if any. */
    public OptionalLong startTime() {
        return startTime == null ? OptionalLong.empty() : OptionalLong.of(startTime);
    }

    /** The user the creator reports (MLflow's {@code user_id}), if any. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Builder with the experiment id as its required argument. */
    public static final class Builder {
        private final String experimentId;
        private String runName;
        private String parentRunId;
        private String description;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Long startTime;
        private String user;

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

        /** The run's start time in epoch millis, as a remote client reports it. */
        public Builder startTime(long epochMillis) {
            LatheException.check(epochMillis >= 0, "a run's start time must be >= 0 ms, got %d", epochMillis);
            this.startTime = epochMillis;
            return this;
        }

        /** The run's user, as a remote client reports it (blank means the store's default). */
        public Builder user(String user) {
            this.user = user == null || user.isBlank() ? null : user;
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
