package dev.lathe.tuning.space;

import dev.lathe.core.LatheException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named, typed hyperparameter distributions of a search, in declaration order (the order
 * samplers draw in and the order params are logged). Build with {@link #builder()}.
 */
public final class SearchSpace {
    private final Map<String, Distribution> distributions;

    private SearchSpace(Map<String, Distribution> distributions) {
        LatheException.check(!distributions.isEmpty(), "a search space needs at least one parameter");
        this.distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every parameter's distribution in declaration order. */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    public Distribution get(String name) {
        Distribution d = distributions.get(name);
        LatheException.check(d != null, "parameter '%s' is not in the search space %s", name, distributions.keySet());
        return d;
    }

    public List<String> names() {
        return List.copyOf(distributions.keySet());
    }

    @Override
    public String toString() {
        return "SearchSpace" + distributions;
    }

    /** Declares parameters one by one; a name may be declared once. */
    public static final class Builder {
        private final Map<String, Distribution> distributions = new LinkedHashMap<>();

        private Builder() {}

        public Builder add(String name, Distribution distribution) {
            LatheException.check(name != null && !name.isBlank(), "parameter name must not be blank");
            LatheException.check(distribution != null, "parameter '%s' needs a distribution", name);
            LatheException.check(
                    !distributions.containsKey(name), "parameter '%s' is declared twice in the search space", name);
            distributions.put(name, distribution);
            return this;
        }

        public Builder uniform(String name, double low, double high) {
            return add(name, new UniformDistribution(low, high));
        }

        public Builder logUniform(String name, double low, double high) {
            return add(name, new LogUniformDistribution(low, high));
        }

        public Builder quniform(String name, double low, double high, double q) {
            return add(name, new QUniformDistribution(low, high, q));
        }

        public Builder intRange(String name, int low, int high) {
            return add(name, new IntDistribution(low, high, false));
        }

        public Builder intRange(String name, int low, int high, boolean log) {
            return add(name, new IntDistribution(low, high, log));
        }

        public Builder choice(String name, List<?> choices) {
            return add(name, new CategoricalDistribution(List.copyOf(choices)));
        }

        public Builder fixed(String name, Object value) {
            return add(name, new FixedDistribution(value));
        }

        public SearchSpace build() {
            return new SearchSpace(distributions);
        }
    }
}
