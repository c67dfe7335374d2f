package dev.lathe.core.prep;

import dev.lathe.core.LatheException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the trip-duration recipe: which columns are categorical (one-hot encoded as
 * {@code name=value}) and which numerical, and the duration window in minutes that rows must fall in.
 * Besides the file's own columns, the recipe derives {@code PULocationID} and {@code DOLocationID} as
 * strings and {@code PU_DO} = PU + "_" + DO.
 */
public record PrepConfig(List<String> categorical, List<String> numerical, double minMinutes, double maxMinutes) {
    /** Derived column joining pickup and dropoff location ids. */
    public static final String PU_DO = "PU_DO";

    public PrepConfig {
        categorical = List.copyOf(categorical);
        numerical = List.copyOf(numerical);
        LatheException.check(
                !categorical.isEmpty() || !numerical.isEmpty(),
                "a prep config needs at least one categorical or numerical feature, got none");
        Set<String> seen = new HashSet<>();
        for (String name : concat(categorical, numerical)) {
            LatheException.check(name != null && !name.isBlank(), "feature column names must not be blank");
            LatheException.check(seen.add(name), "feature column '%s' is listed twice", name);
        }
        LatheException.check(
                Double.isFinite(minMinutes) && Double.isFinite(maxMinutes) && minMinutes <= maxMinutes,
                "minMinutes <= maxMinutes must hold (both finite), but got minMinutes=%s, maxMinutes=%s",
                minMinutes,
                maxMinutes);
    }

    /** The MLOps course's final model: categorical PU_DO, numerical trip_distance, 1..60 minutes. */
    public static PrepConfig course() {
        return of(List.of(PU_DO), List.of("trip_distance"));
    }

    /** The given features with the course's 1..60 minute window. */
    public static PrepConfig of(List<String> categorical, List<String> numerical) {
        return new PrepConfig(categorical, numerical, 1.0, 60.0);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
