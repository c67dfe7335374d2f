package dev.lathe.tlc;

import dev.lathe.core.LatheException;
import dev.lathe.core.recipe.Comparison;
import dev.lathe.core.recipe.DerivedColumn;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.RowFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The NYC TLC trip-duration recipe, built from core's generic pieces: duration in minutes between
 * pickup and dropoff (green {@code lpep_*} or yellow {@code tpep_*} timestamps), rows kept inside a
 * window of minutes, {@code PU_DO} = pickup + "_" + dropoff location id, and the chosen features.
 */
public final class TlcRecipes {
    /** The recipe's name, as saved with pipelines and logged with runs. */
    public static final String NAME = "tlc-duration";

    /** The target: trip duration in minutes. */
    public static final String DURATION = "duration";

    public static final String PU = "PULocationID";
    public static final String DO = "DOLocationID";
    /** Derived column joining pickup and dropoff location ids. */
    public static final String PU_DO = "PU_DO";

    public static final String TRIP_DISTANCE = "trip_distance";

    /** The MLOps course's window of kept durations, in minutes. */
    public static final double COURSE_MIN_MINUTES = 1.0;

    public static final double COURSE_MAX_MINUTES = 60.0;

    /**
     * The longest trip distance kept, in miles. The course keeps every distance; Lathe removes only
     * impossible ones (negative, or beyond this bound, where a float-range value such as 1e308 would
     * leave a useless fit), above every meter error the course trains on (the bundled months' longest is
     * 178,920 mi), so the course's rows and RMSE are unchanged.
     */
    public static final double COURSE_MAX_MILES = 1_000_000;

    private static final String PICKUP = "pickup_time";
    private static final String DROPOFF = "dropoff_time";

    private TlcRecipes() {}

    /** The MLOps course's final model: categorical PU_DO, numerical trip_distance, 1..60 minutes. */
    public static Recipe course() {
        return duration(List.of(PU_DO), List.of(TRIP_DISTANCE));
    }

    /** The given features with the course's 1..60 minute window. */
    public static Recipe duration(List<String> categorical, List<String> numerical) {
        return duration(categorical, numerical, COURSE_MIN_MINUTES, COURSE_MAX_MINUTES);
    }

    /**
     * The duration recipe with the given features and window. Rows are removed, in this order and counted
     * under these names: "missing pickup or dropoff timestamp", "duration &lt; MIN min", "duration &gt;
     * MAX min", then "missing COLUMN" for each numerical feature, then {@link #distanceFilterLabel()} for
     * a {@code trip_distance} outside 0..{@link #COURSE_MAX_MILES} when it is a feature.
     */
    public static Recipe duration(
            List<String> categorical, List<String> numerical, double minMinutes, double maxMinutes) {
        LatheException.check(
                Double.isFinite(minMinutes) && Double.isFinite(maxMinutes) && minMinutes <= maxMinutes,
                "minMinutes <= maxMinutes must hold (both finite), but got minMinutes=%s, maxMinutes=%s",
                minMinutes,
                maxMinutes);
        Recipe.Builder b = Recipe.builder(DURATION)
                .name(NAME)
                .derive(new DerivedColumn.FirstOf(PICKUP, timestamps("pickup")))
                .derive(new DerivedColumn.FirstOf(DROPOFF, timestamps("dropoff")))
                .derive(new DerivedColumn.MinutesBetween(DURATION, PICKUP, DROPOFF));
        List<String> features = new ArrayList<>(categorical);
        features.addAll(numerical);
        if (features.contains(PU_DO)) {
            b.derive(new DerivedColumn.Concat(PU_DO, List.of(PU, DO)));
        }
        b.filter(new RowFilter.Present("missing pickup or dropoff timestamp", List.of(PICKUP, DROPOFF)))
                .filter(new RowFilter.Compare(
                        "duration < " + number(minMinutes) + " min", DURATION, Comparison.GREATER_OR_EQUAL, minMinutes))
                .filter(new RowFilter.Compare(
                        "duration > " + number(maxMinutes) + " min", DURATION, Comparison.LESS_OR_EQUAL, maxMinutes));
        numerical.forEach(col -> b.filter(new RowFilter.Present(null, List.of(col))));
        if (numerical.contains(TRIP_DISTANCE)) {
            b.filter(new RowFilter.Between(distanceFilterLabel(), TRIP_DISTANCE, 0, COURSE_MAX_MILES));
        }
        return b.categorical(categorical).numerical(numerical).build();
    }

    /** What the prep report counts trips with an impossible distance under. */
    public static String distanceFilterLabel() {
        return TRIP_DISTANCE + " outside 0.." + number(COURSE_MAX_MILES) + " mi";
    }

    /** Green ({@code lpep_}) then yellow ({@code tpep_}) names of the pickup or dropoff timestamp. */
    private static List<String> timestamps(String event) {
        return List.of("lpep_" + event + "_datetime", "tpep_" + event + "_datetime");
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
