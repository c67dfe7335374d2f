package dev.lathe.tlc;

import dev.lathe.core.recipe.AsRow;
import java.util.Map;

/** One raw trip to score, with the fields the course's model needs; it turns itself into a row. */
public record TripRecord(String puLocationId, String doLocationId, double tripDistance) implements AsRow {
    @Override
    public Map<String, Object> toRow() {
        return Map.of(TlcRecipes.PU, puLocationId, TlcRecipes.DO, doLocationId, TlcRecipes.TRIP_DISTANCE, tripDistance);
    }
}
