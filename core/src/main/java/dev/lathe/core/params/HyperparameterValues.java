package dev.lathe.core.params;

import dev.lathe.core.LatheException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A valid value for every hyperparameter of one {@link HyperparameterSpace}: what a trainer is built
 * from, and what it logs ({@link #asStrings()}), so that the logged text builds the same trainer again.
 */
public final class HyperparameterValues {
    private final HyperparameterSpace space;
    private final Map<String, Object> values;

    private HyperparameterValues(HyperparameterSpace space, Map<String, Object> values) {
        this.space = space;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static HyperparameterValues defaults(HyperparameterSpace space) {
        Map<String, Object> m = new LinkedHashMap<>();
        space.parameters().forEach(p -> m.put(p.name(), p.defaultValue()));
        return new HyperparameterValues(space, m);
    }

    public HyperparameterSpace space() {
        return space;
    }

    /** The value of {@code p}, which must be declared by this space. */
    public <T> T get(Hyperparameter<T> p) {
        requireDeclared(p);
        return p.cast(values.get(p.name()));
    }

    /** These values with {@code p} set to {@code value} (checked against its rule). */
    public <T> HyperparameterValues with(Hyperparameter<T> p, T value) {
        requireDeclared(p);
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(p.name(), p.check(value));
        return new HyperparameterValues(space, m);
    }

    /** Every value by name, as logged to tracking and provenance. */
    public SortedMap<String, String> asStrings() {
        SortedMap<String, String> out = new TreeMap<>();
        for (Hyperparameter<?> p : space.parameters()) {
            out.put(p.name(), p.formatValue(values.get(p.name())));
        }
        return out;
    }

    private void requireDeclared(Hyperparameter<?> p) {
        LatheException.check(
                space.declares(p), "hyperparameter '%s' is not declared by %s", p == null ? null : p.name(), space);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperparameterValues v && v.space == space && v.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Sets every hyperparameter of a space once; {@link #build()} fails when one is missing. */
    public static final class Builder {
        private final HyperparameterSpace space;
        private final Map<String, Object> values = new LinkedHashMap<>();

        Builder(HyperparameterSpace space) {
            this.space = space;
        }

        public <T> Builder set(Hyperparameter<T> p, T value) {
            LatheException.check(space.declares(p), "hyperparameter '%s' is not declared by %s", p.name(), space);
            values.put(p.name(), p.check(value));
            return this;
        }

        public HyperparameterValues build() {
            List<String> missing =
                    space.names().stream().filter(n -> !values.containsKey(n)).toList();
            LatheException.check(missing.isEmpty(), "hyperparameters %s of %s are not set", missing, space);
            Map<String, Object> ordered = new LinkedHashMap<>();
            space.names().forEach(n -> ordered.put(n, values.get(n)));
            return new HyperparameterValues(space, ordered);
        }
    }
}
