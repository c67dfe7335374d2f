package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;

/** One metric point: key, value (NaN and infinities allowed), wall-clock timestamp in millis, step. */
public record Metric(String key, double value, long timestamp, long step) {
    public Metric {
        LatheException.check(key != null, "metric key must not be null");
    }

    /** A point stamped with the current time. */
    public static Metric now(String key, double value, long step) {
        return new Metric(key, value, System.currentTimeMillis(), step);
    }
}
