package dev.lathe.core.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.features.FeatureFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * How any table becomes training rows, declared as data (saved with the fitted pipeline as JSON):
 * derived columns, row filters (each removed row counted under its filter), the target column (raw or
 * derived) and the categorical and numerical feature columns. The same recipe prepares a training file,
 * and turns a table or a single row (column name -> value) into features for scoring.
 */
public record Recipe(
        String name,
        String target,
        List<String> categorical,
        List<String> numerical,
        List<DerivedColumn> derived,
        List<RowFilter> filters) {

    public Recipe {
        RecipeChecks.name(name, "recipe");
        RecipeChecks.name(target, "target column");
        categorical = List.copyOf(categorical);
        numerical = List.copyOf(numerical);
        derived = List.copyOf(derived);
        filters = List.copyOf(filters);
        LatheException.check(
                !categorical.isEmpty() || !numerical.isEmpty(),
                "recipe '%s' needs at least one categorical or numerical feature, got none",
                name);
        Set<String> features = new HashSet<>();
        for (String f : concat(categorical, numerical)) {
            RecipeChecks.name(f, "feature column");
            LatheException.check(features.add(f), "recipe '%s': feature column '%s' is listed twice", name, f);
        }
        LatheException.check(
                !features.contains(target), "recipe '%s': the target '%s' cannot also be a feature", name, target);
        Set<String> earlier = new HashSet<>();
        Set<String> all = new HashSet<>();
        derived.forEach(d -> all.add(d.name()));
        for (DerivedColumn d : derived) {
            for (String s : d.sources()) {
                LatheException.check(
                        !all.contains(s) || earlier.contains(s),
                        "recipe '%s': derived column '%s' reads '%s', which is derived later or is itself",
                        name,
                        d.name(),
                        s);
            }
            LatheException.check(
                    earlier.add(d.name()), "recipe '%s': derived column '%s' is defined twice", name, d.name());
        }
        Set<String> labels = new HashSet<>();
        for (RowFilter f : filters) {
            LatheException.check(labels.add(f.label()), "recipe '%s': two filters are labelled '%s'", name, f.label());
        }
    }

    /** A recipe predicting {@code target}; name it, add features, derived columns and filters, then build. */
    public static Builder builder(String target) {
        return new Builder(target);
    }

    /** A builder holding this recipe's parts, to extend it (more filters or derived columns) or rename it. */
    public Builder toBuilder() {
        Builder b = new Builder(target).name(name).categorical(categorical).numerical(numerical);
        derived.forEach(b::derive);
        filters.forEach(b::filter);
        return b;
    }

    /** The raw columns {@link #prepare} reads (for reading only those from a file). */
    public Set<String> inputColumns() {
        return raw(reach(preparedColumns()));
    }

    /** The raw columns scoring reads: those the features come from (no target, no filters). */
    public Set<String> scoringColumns() {
        return raw(reach(featureColumns()));
    }

    /** Applies the recipe to a table read from {@code source} (a file name, used in messages). */
    public PreparedTable prepare(Table raw, String source) {
        return new Preparation(this, raw, source).prepare();
    }

    /**
     * Features of every row of {@code raw}, for batch scoring: no filters and no target, but a row without
     * a numerical feature is an error naming the source, column and row.
     */
    public FeatureFrame features(Table raw, String source) {
        return new Preparation(this, raw, source).features();
    }

    /**
     * Features of every row of {@code raw}, as {@link #features(Table, String)} gives them for a table
     * with these columns, without building one (a scoring request's few rows).
     */
    public FeatureFrame features(ColumnValues raw) {
        return new Preparation(this, raw, raw.name()).features();
    }

    /** How messages name a single row given as column name -> value. */
    public static final String ROW_SOURCE = "row";

    /**
     * Features of one row given as column name -> value (numbers, text or timestamps), read as
     * {@link ColumnValues#ofRow} types it: as a one-row table of those columns would be.
     */
    public FeatureFrame features(Map<String, ?> row) {
        return features(ColumnValues.ofRow(ROW_SOURCE, row));
    }

    public String toJson() {
        try {
            return new ObjectMapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new LatheException("cannot write recipe '" + name + "' as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a recipe written by {@link #toJson()}; {@code source} names where the JSON came from. */
    public static Recipe fromJson(String json, String source) {
        try {
            return new ObjectMapper().readValue(json, Recipe.class);
        } catch (JsonProcessingException e) {
            throw new DataException(source + ": recipe JSON is invalid: " + e.getOriginalMessage(), e);
        }
    }

    /** The columns preparing a table reads: the filters', the target and the features. */
    List<String> preparedColumns() {
        List<String> names = new ArrayList<>();
        filters.forEach(f -> names.addAll(f.columns()));
        names.add(target);
        names.addAll(featureColumns());
        return names;
    }

    List<String> featureColumns() {
        return concat(categorical, numerical);
    }

    /** {@code names} and every column (derived or raw) they are computed from. */
    Set<String> reach(List<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(names);
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (seen.add(n)) {
                derived.stream().filter(d -> d.name().equals(n)).forEach(d -> todo.addAll(d.sources()));
            }
        }
        return seen;
    }

    private Set<String> raw(Set<String> names) {
        Set<String> raw = new LinkedHashSet<>();
        Set<String> derivedNames = new HashSet<>();
        derived.forEach(d -> derivedNames.add(d.name()));
        for (String n : names) {
            if (!derivedNames.contains(n)) {
                raw.add(n);
            }
        }
        return raw;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Collects a recipe's parts; {@link #build()} validates them together. */
    public static final class Builder {
        private final String target;
        private String name;
        private final List<String> categorical = new ArrayList<>();
        private final List<String> numerical = new ArrayList<>();
        private final List<DerivedColumn> derived = new ArrayList<>();
        private final List<RowFilter> filters = new ArrayList<>();

        private Builder(String target) {
            this.target = target;
            this.name = "predict-" + target;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder categorical(List<String> columns) {
            categorical.addAll(columns);
            return this;
        }

        public Builder categorical(String... columns) {
            return categorical(Arrays.asList(columns));
        }

        public Builder numerical(List<String> columns) {
            numerical.addAll(columns);
            return this;
        }

        public Builder numerical(String... columns) {
            return numerical(Arrays.asList(columns));
        }

        /** A derived column; it may read raw columns and those derived before it. */
        public Builder derive(DerivedColumn column) {
            derived.add(column);
            return this;
        }

        /** A row filter; filters run in the order added, each removed row counted under the first it fails. */
        public Builder filter(RowFilter filter) {
            filters.add(filter);
            return this;
        }

        public Recipe build() {
            return new Recipe(name, target, categorical, numerical, derived, filters);
        }
    }
}
