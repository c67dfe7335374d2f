package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A typed run query that every {@link Tracker} answers, with no query language to implement: the
 * active runs of one experiment that carry every given tag value and, optionally, one status. Build it
 * with {@link #inExperiment} and the {@code with...} methods.
 */
public record RunQuery(String experimentId, Map<String, String> tags, Optional<RunStatus> status, int maxResults) {
    /** The default and largest number of runs a query returns, as MLflow's run search. */
    public static final int DEFAULT_MAX_RESULTS = 1000;

    public RunQuery {
        LatheException.check(experimentId != null && !experimentId.isBlank(), "run query needs an experiment id");
        LatheException.check(
                maxResults >= 1 && maxResults <= DEFAULT_MAX_RESULTS,
                "run query max results must be in 1..%d, got %d",
                DEFAULT_MAX_RESULTS,
                maxResults);
        tags.forEach((k, v) ->
                LatheException.check(k != null && v != null, "run query tags must not be null, got %s=%s", k, v));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Every active run of the experiment, newest first, at most {@link #DEFAULT_MAX_RESULTS}. */
    public static RunQuery inExperiment(String experimentId) {
        return new RunQuery(experimentId, Map.of(), Optional.empty(), DEFAULT_MAX_RESULTS);
    }

    /** This query, restricted to runs whose tag {@code key} equals {@code value}. */
    public RunQuery withTag(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(tags);
        more.put(key, value);
        return new RunQuery(experimentId, more, status, maxResults);
    }

    /** This query, restricted to runs in {@code runStatus}. */
    public RunQuery withStatus(RunStatus runStatus) {
        return new RunQuery(experimentId, tags, Optional.of(runStatus), maxResults);
    }

    /** This query, returning at most {@code n} runs. */
    public RunQuery limit(int n) {
        return new RunQuery(experimentId, tags, status, n);
    }

    /** True when {@code run} matches the tag and status conditions (not the experiment or the limit). */
    public boolean matches(Run run) {
        if (status.isPresent() && run.info().status() != status.get()) {
            return false;
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (!t.getValue().equals(run.data().tags().get(t.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
