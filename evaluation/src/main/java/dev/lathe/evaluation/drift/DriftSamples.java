package dev.lathe.evaluation.drift;

import dev.lathe.core.LatheException;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.evaluation.metrics.PredictionInputs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference and current samples by feature name: numeric as {@code double[]}, categorical as {@code
 * String[]}. The arrays are held, not copied (a month of 50 columns is gigabytes; the drift checks only
 * read them): callers hand over arrays they no longer change.
 */
public final class DriftSamples {
    /** A numeric feature's two samples. */
    public record Numeric(double[] reference, double[] current) {}

    /** A categorical feature's two samples. */
    public record Categorical(String[] reference, String[] current) {}

    private final Map<String, Numeric> numeric;
    private final Map<String, Categorical> categorical;

    private DriftSamples(Map<String, Numeric> numeric, Map<String, Categorical> categorical) {
        this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
        this.categorical = Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The target ({@code targetName}) and every numerical and categorical feature of two prepared
     * tables (the training and the validation month, say), the reference first.
     */
    public static DriftSamples ofPrepared(String targetName, PreparedTable reference, PreparedTable current) {
        Builder b = builder().numeric(targetName, reference.target(), current.target());
        for (Map.Entry<String, double[]> e : reference.features().numerical().entrySet()) {
            b.numeric(e.getKey(), e.getValue(), current.features().numerical().get(e.getKey()));
        }
        for (Map.Entry<String, String[]> e : reference.features().categorical().entrySet()) {
            b.categorical(
                    e.getKey(), e.getValue(), current.features().categorical().get(e.getKey()));
        }
        return b.build();
    }

    public Map<String, Numeric> numeric() {
        return numeric;
    }

    public Map<String, Categorical> categorical() {
        return categorical;
    }

    /** Builder for {@link DriftSamples}; every feature name must be unique and both samples non-empty. */
    public static final class Builder {
        private final Map<String, Numeric> numeric = new LinkedHashMap<>();
        private final Map<String, Categorical> categorical = new LinkedHashMap<>();

        private Builder() {}

        public Builder numeric(String feature, double[] reference, double[] current) {
            checkName(feature);
            LatheException.check(
                    reference != null && reference.length > 0 && current != null && current.length > 0,
                    "feature '%s': reference and current samples must be non-empty",
                    feature);
            PredictionInputs.checkFinite("feature '" + feature + "' reference sample", reference);
            PredictionInputs.checkFinite("feature '" + feature + "' current sample", current);
            numeric.put(feature, new Numeric(reference, current));
            return this;
        }

        public Builder categorical(String feature, String[] reference, String[] current) {
            checkName(feature);
            LatheException.check(
                    reference != null && reference.length > 0 && current != null && current.length > 0,
                    "feature '%s': reference and current samples must be non-empty",
                    feature);
            categorical.put(feature, new Categorical(reference, current));
            return this;
        }

        private void checkName(String feature) {
            LatheException.check(feature != null && !feature.isBlank(), "feature name must not be blank");
            LatheException.check(
                    !numeric.containsKey(feature) && !categorical.containsKey(feature),
                    "feature '%s' was already added",
                    feature);
        }

        public DriftSamples build() {
            LatheException.check(
                    !numeric.isEmpty() || !categorical.isEmpty(), "drift samples need at least one feature");
            return new DriftSamples(numeric, categorical);
        }
    }
}
