package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything to write to one run in a {@link Tracker#writeRuns} batch: either the creation of a new
 * run (from a {@link RunSpec}, with its real start time) or more data for an existing run, plus params,
 * metric points, tags, artifacts (such as a failed trial's stack trace) and optionally the run's end. Writing many of these in one call lets a store
 * commit a whole burst of search trials in one transaction instead of a dozen per trial.
 */
public final class RunWrite {
    /** One metric point with the wall-clock time it was measured at. */
    public record Point(String key, double value, long step, long timestampMillis) {
        public Point {
            LatheException.check(key != null && !key.isBlank(), "metric key must not be blank, got '%s'", key);
        }
    }

    private final RunSpec create;
    private final String runId;
    private final long startTimeMillis;
    private final Map<String, String> params;
    private final List<Point> metrics;
    private final Map<String, String> tags;
    private final Map<String, byte[]> artifacts;
    private final RunStatus endStatus;
    private final long endTimeMillis;

    private RunWrite(Builder b) {
        this.create = b.create;
        this.runId = b.runId;
        this.startTimeMillis = b.startTimeMillis;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.metrics = List.copyOf(b.metrics);
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(b.artifacts));
        this.endStatus = b.endStatus;
        this.endTimeMillis = b.endTimeMillis;
    }

    /** A write that creates a run from {@code spec}, started at {@code startTimeMillis}. */
    public static Builder create(RunSpec spec, long startTimeMillis) {
        LatheException.check(spec != null, "a run to create needs a run spec");
        LatheException.check(startTimeMillis >= 0, "run start time must be >= 0, got %d", startTimeMillis);
        return new Builder(spec, null, startTimeMillis);
    }

    /** A write that adds to the existing run {@code runId}. */
    public static Builder update(String runId) {
        LatheException.check(runId != null && !runId.isBlank(), "a run update needs a run id, got '%s'", runId);
        return new Builder(null, runId, 0);
    }

    /** The spec of the run this write creates, empty for an update. */
    public Optional<RunSpec> create() {
        return Optional.ofNullable(create);
    }

    /** The run this write updates, empty when it creates one. */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /** Start time of a created run (epoch millis); 0 for updates. */
    public long startTimeMillis() {
        return startTimeMillis;
    }

    public Map<String, String> params() {
        return params;
    }

    public List<Point> metrics() {
        return metrics;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** Artifact path (relative to the run's artifact root) -> content; a copy of each array. */
    public Map<String, byte[]> artifacts() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        artifacts.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** The terminal status the run ends with in this write, if it ends. */
    public Optional<RunStatus> endStatus() {
        return Optional.ofNullable(endStatus);
    }

    /** End time (epoch millis) when {@link #endStatus()} is present. */
    public OptionalLong endTimeMillis() {
        return endStatus == null ? OptionalLong.empty() : OptionalLong.of(endTimeMillis);
    }

    /** Builder of one run's write; the run to create or update is its required argument. */
    public static final class Builder {
        private final RunSpec create;
        private final String runId;
        private final long startTimeMillis;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final List<Point> metrics = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, byte[]> artifacts = new LinkedHashMap<>();
        private RunStatus endStatus;
        private long endTimeMillis;

        private Builder(RunSpec create, String runId, long startTimeMillis) {
            this.create = create;
            this.runId = runId;
            this.startTimeMillis = startTimeMillis;
        }

        /** Adds a param; the same key twice in one write must have the same value. */
        public Builder param(String key, String value) {
            LatheException.check(key != null && value != null, "param key and value must not be null");
            String old = params.putIfAbsent(key, value);
            LatheException.check(
                    old == null || old.equals(value),
                    "param '%s' is immutable: written '%s', then '%s' in the same batch",
                    key,
                    old,
                    value);
            return this;
        }

        public Builder params(Map<String, String> values) {
            values.forEach(this::param);
            return this;
        }

        public Builder metric(String key, double value, long step, long timestampMillis) {
            metrics.add(new Point(key, value, step, timestampMillis));
            return this;
        }

        /** Sets a tag; a later value for the same key wins, as with repeated set-tag calls. */
        public Builder tag(String key, String value) {
            LatheException.check(key != null && value != null, "tag key and value must not be null");
            tags.put(key, value);
            return this;
        }

        /** Stores {@code content} at the relative {@code path} of the run's artifacts; a later one wins. */
        public Builder artifact(String path, byte[] content) {
            LatheException.check(
                    path != null && !path.isBlank() && content != null,
                    "an artifact needs a path and content, got path '%s'",
                    path);
            artifacts.put(path, content.clone());
            return this;
        }

        /** Ends the run with a terminal status at {@code timeMillis}. */
        public Builder end(RunStatus status, long timeMillis) {
            LatheException.check(
                    status != null && status.isTerminal(),
                    "a run ends with FINISHED, FAILED or KILLED, got %s",
                    status);
            this.endStatus = status;
            this.endTimeMillis = timeMillis;
            return this;
        }

        public boolean isEmpty() {
            return create == null
                    && params.isEmpty()
                    && metrics.isEmpty()
                    && tags.isEmpty()
                    && artifacts.isEmpty()
                    && endStatus == null;
        }

        public RunWrite build() {
            return new RunWrite(this);
        }
    }
}
