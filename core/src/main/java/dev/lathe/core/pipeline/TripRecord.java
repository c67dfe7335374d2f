package dev.lathe.core.pipeline;

import java.util.Map;

/**
 * One raw trip to score, with the fields the course's model needs; {@link #toMap()} gives the record
 * form that {@link FittedPipeline#predict(Map)} takes, for callers with other fields.
 */
public record TripRecord(String puLocationId, String doLocationId, double tripDistance) {
    public Map<String, Object> toMap() {
        return Map.of("PULocationID", puLocationId, "DOLocationID", doLocationId, "trip_distance", tripDistance);
    }
}
