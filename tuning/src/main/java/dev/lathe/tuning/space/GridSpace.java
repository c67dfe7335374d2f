package dev.lathe.tuning.space;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of discrete values per parameter. Enumeration order is the cartesian product in declaration
 * order with the <b>last declared parameter varying fastest</b> (as Python's {@code itertools.product}
 * and scikit-learn's {@code ParameterGrid} over its keys); the grid has the product of the list
 * sizes as its point count.
 */
public final class GridSpace {
    private final Map<String, List<Object>> values;

    private GridSpace(Map<String, List<Object>> values) {
        LatheException.check(!values.isEmpty(), "a grid needs at least one parameter");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, List<Object>> values() {
        return values;
    }

    /** Number of grid points: the product of the value-list sizes. */
    public int size() {
        long n = 1;
        for (List<Object> v : values.values()) {
            n *= v.size();
            LatheException.check(n <= Integer.MAX_VALUE, "grid has more than %d points", Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** The grid point with this index in enumeration order (last parameter fastest). */
    public Map<String, Object> point(int index) {
        LatheException.check(index >= 0 && index < size(), "grid index must be in [0, %d), got %d", size(), index);
        List<String> names = new ArrayList<>(values.keySet());
        Object[] chosen = new Object[names.size()];
        int rest = index;
        for (int i = names.size() - 1; i >= 0; i--) {
            List<Object> v = values.get(names.get(i));
            chosen[i] = v.get(rest % v.size());
            rest /= v.size();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), chosen[i]);
        }
        return out;
    }

    /** Every grid point in enumeration order. */
    public List<Map<String, Object>> points() {
        List<Map<String, Object>> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(point(i));
        }
        return out;
    }

    /** The same parameters as a search space of categorical choices (used to parse logged values). */
    public SearchSpace asSearchSpace() {
        SearchSpace.Builder b = SearchSpace.builder();
        values.forEach((name, v) -> b.add(name, new CategoricalDistribution(v)));
        return b.build();
    }

    /** Declares each parameter's list of values. */
    public static final class Builder {
        private final Map<String, List<Object>> values = new LinkedHashMap<>();

        private Builder() {}

        public Builder values(String name, List<?> list) {
            LatheException.check(name != null && !name.isBlank(), "grid parameter name must not be blank");
            LatheException.check(list != null && !list.isEmpty(), "grid parameter '%s' needs one or more values", name);
            LatheException.check(!values.containsKey(name), "grid parameter '%s' is declared twice", name);
            values.put(name, List.copyOf(list));
            return this;
        }

        public GridSpace build() {
            return new GridSpace(values);
        }
    }
}
