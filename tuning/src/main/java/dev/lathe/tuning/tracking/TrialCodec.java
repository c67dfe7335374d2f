package dev.lathe.tuning.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;
import dev.lathe.core.Seeds;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueState;
import dev.lathe.tuning.space.Distribution;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialError;
import dev.lathe.tuning.trial.TrialState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The text a trial queue holds for a trial: its params (JSON of the logged values, in space order) and
 * its result (JSON of state, score, intermediate values, seconds and error, numbers as
 * {@link Double#toString}), both read back bit-for-bit, so that every worker proposes from, and prunes
 * against, exactly the trials the in-process search would have.
 */
public final class TrialCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private final SearchSpace space;
    private final long searchSeed;

    public TrialCodec(SearchSpace space, long searchSeed) {
        this.space = space;
        this.searchSeed = searchSeed;
    }

    public static String params(ParamSet params) {
        return write(params.formatted());
    }

    /** The params of trial {@code number} read back, its seed derived from the search seed as when proposed. */
    public ParamSet params(int number, String text) {
        Map<String, Object> logged = read(text, "params of trial " + number);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            Object v = logged.get(e.getKey());
            LatheException.check(v != null, "queued trial %d has no param '%s' (has %s)", number, e.getKey(), logged);
            values.put(e.getKey(), e.getValue().parse(v.toString()));
        }
        return new ParamSet(values, Seeds.derive(searchSeed, number, Seeds.TRAINER));
    }

    public static String result(Trial trial) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("state", trial.state().name());
        r.put("value", Double.toString(trial.value()));
        Map<String, String> steps = new LinkedHashMap<>();
        trial.intermediateValues().forEach((k, v) -> steps.put(Long.toString(k), Double.toString(v)));
        r.put("intermediate", steps);
        r.put("nanos", Long.toString(trial.duration().toNanos()));
        trial.error().ifPresent(e -> r.put("error", e.message()));
        return write(r);
    }

    /** The trial a queue entry ended as: its result when DONE, FAILED with the queue's reason when FAILED. */
    public Trial trial(QueueEntry entry) {
        ParamSet params = params(entry.number(), entry.params());
        if (entry.state() == QueueState.FAILED) {
            return new Trial(
                    entry.number(),
                    TrialState.FAILED,
                    params,
                    Double.NaN,
                    new TreeMap<>(),
                    Optional.of(TrialError.message(entry.reason().orElse("failed in the trial queue"))),
                    Duration.ZERO);
        }
        LatheException.check(
                entry.state() == QueueState.DONE && entry.result().isPresent(),
                "queued trial %d has not ended (state %s)",
                entry.number(),
                entry.state());
        Map<String, Object> r = read(entry.result().get(), "result of trial " + entry.number());
        SortedMap<Long, Double> steps = new TreeMap<>();
        Object logged = r.get("intermediate");
        if (logged instanceof Map<?, ?> m) {
            m.forEach((k, v) -> steps.put(Long.parseLong(k.toString()), Double.parseDouble(v.toString())));
        }
        return new Trial(
                entry.number(),
                TrialState.valueOf(String.valueOf(r.get("state"))),
                params,
                Double.parseDouble(String.valueOf(r.get("value"))),
                steps,
                Optional.ofNullable(r.get("error")).map(e -> TrialError.message(e.toString())),
                Duration.ofNanos(Long.parseLong(String.valueOf(r.getOrDefault("nanos", "0")))));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new LatheException("cannot encode " + value + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> read(String text, String what) {
        try {
            return JSON.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new LatheException("queued " + what + " is not the JSON Lathe writes: '" + text + "'", e);
        }
    }
}
