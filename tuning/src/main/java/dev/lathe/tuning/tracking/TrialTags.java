package dev.lathe.tuning.tracking;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The keys a search writes to its trial runs, and the exact text encoding of values that must read
 * back bit-for-bit on resume (score, intermediate values split over tags of at most 7000 characters).
 */
public final class TrialTags {
    /** Param holding the trial number. */
    public static final String NUMBER = "trial_number";
    /**
     * Tag written last when a trial ends: "STATE VALUE CHUNKS", the state (COMPLETE, PRUNED, FAILED),
     * the exact score ({@link Double#toString}, NaN when failed) and the number of intermediate-value
     * chunk tags. One tag instead of three keeps the store at few writes per trial.
     */
    public static final String OUTCOME = "lathe.trial.outcome";
    /** Tag "true"/"false": was the trial pruned. */
    public static final String PRUNED = "pruned";
    /** Tag holding a failed trial's error message. */
    public static final String ERROR = "error";
    /** Artifact holding a failed trial's full stack trace, when the failure was an exception. */
    public static final String STACK_TRACE_ARTIFACT = "error/stacktrace.txt";
    /** Prefix of the chunk tags. */
    public static final String INTERMEDIATE_PREFIX = "lathe.trial.intermediate.";
    /** Metric: wall time of the trial in seconds. */
    public static final String DURATION = "duration_seconds";
    /** Tag on the parent run marking it as a search. */
    public static final String SEARCH = "lathe.search";
    /** Param on the parent run: the search's direction (a {@code Direction} name, MINIMIZE or MAXIMIZE). */
    public static final String SEARCH_DIRECTION = "search.direction";
    /** Param on the parent run: the name of the metric the trials are scored by. */
    public static final String SEARCH_SCORE = "search.score";

    static final int CHUNK = 7000;
    static final int MAX_ERROR = 4000;

    private TrialTags() {}

    /** "step:value;step:value..." split in chunks below the tag length limit. */
    public static List<String> encodeIntermediate(SortedMap<Long, Double> values) {
        List<String> chunks = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Long, Double> e : values.entrySet()) {
            String item = e.getKey() + ":" + e.getValue();
            if (sb.length() + item.length() + 1 > CHUNK) {
                chunks.add(sb.toString());
                sb.setLength(0);
            }
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(item);
        }
        if (sb.length() > 0) {
            chunks.add(sb.toString());
        }
        return chunks;
    }

    /** The outcome tag's value. */
    public static String outcome(String state, double value, int chunks) {
        return state + " " + value + " " + chunks;
    }

    /** The outcome tag split in its three fields (state, value, chunk count). */
    public static String[] parseOutcome(String text, String runId) {
        String[] f = text == null ? new String[0] : text.split(" ");
        LatheException.check(
                f.length == 3, "run %s: tag %s must be 'STATE VALUE CHUNKS', got '%s'", runId, OUTCOME, text);
        return f;
    }

    public static SortedMap<Long, Double> decodeIntermediate(Map<String, String> tags, int n, String runId) {
        SortedMap<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String chunk = tags.get(INTERMEDIATE_PREFIX + i);
            LatheException.check(chunk != null, "run %s: tag %s%d is missing", runId, INTERMEDIATE_PREFIX, i);
            for (String item : chunk.split(";")) {
                int colon = item.indexOf(':');
                LatheException.check(colon > 0, "run %s: bad intermediate value '%s'", runId, item);
                out.put(Long.parseLong(item.substring(0, colon)), Double.parseDouble(item.substring(colon + 1)));
            }
        }
        return out;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
