package dev.lathe.tuning.trial;

import dev.lathe.core.LatheException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sampled hyperparameters of one trial, in search-space order, with typed getters (integers stay
 * {@link Integer}, choices are the chosen values) and the trial's own seed, derived from the search
 * seed and the trial number, for the trainer factory to pass on.
 */
public final class ParamSet {
    private final Map<String, Object> values;
    private final long seed;

    public ParamSet(Map<String, Object> values, long seed) {
        LatheException.check(values != null, "param values must not be null");
        values.forEach((k, v) -> LatheException.check(v != null, "param '%s' must not be null", k));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.seed = seed;
    }

    /** Every value by name, in search-space order. */
    public Map<String, Object> values() {
        return values;
    }

    /** The trial's seed: a pure function of (search seed, trial number). */
    public long seed() {
        return seed;
    }

    public Object get(String name) {
        Object v = values.get(name);
        LatheException.check(v != null, "no parameter '%s' in this trial, have %s", name, values.keySet());
        return v;
    }

    public double getDouble(String name) {
        Object v = get(name);
        LatheException.check(v instanceof Number, "parameter '%s' is not a number, got '%s'", name, v);
        return ((Number) v).doubleValue();
    }

    public int getInt(String name) {
        Object v = get(name);
        LatheException.check(
                v instanceof Integer, "parameter '%s' is not an integer, got '%s' (%s)", name, v, v.getClass());
        return (Integer) v;
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    public <T> T get(String name, Class<T> type) {
        Object v = get(name);
        LatheException.check(type.isInstance(v), "parameter '%s' is not a %s, got '%s'", name, type.getSimpleName(), v);
        return type.cast(v);
    }

    /** The values as logged: {@code String.valueOf} of each ("7" for an integer, "0.1" for a double). */
    public Map<String, String> formatted() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSet p && p.values.equals(values) && p.seed == seed;
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
