package dev.lathe.core.prep;

import dev.lathe.core.LatheException;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The pickup and dropoff timestamp columns of a trip table: green taxis use {@code lpep_*}, yellow
 * taxis {@code tpep_*}.
 */
public record TimestampColumns(String pickup, String dropoff, String taxiType) {
    private static final List<TimestampColumns> KNOWN = List.of(
            new TimestampColumns("lpep_pickup_datetime", "lpep_dropoff_datetime", "green"),
            new TimestampColumns("tpep_pickup_datetime", "tpep_dropoff_datetime", "yellow"));

    /** Finds the pair present in {@code table}, or fails naming the source and the columns it has. */
    public static TimestampColumns detect(Table table, String source) {
        for (TimestampColumns k : KNOWN) {
            if (table.containsColumn(k.pickup) && table.containsColumn(k.dropoff)) {
                return k;
            }
        }
        throw new LatheException(source + ": no pickup/dropoff timestamp columns: expected lpep_pickup_datetime and"
                + " lpep_dropoff_datetime (green) or tpep_pickup_datetime and tpep_dropoff_datetime (yellow);"
                + " columns present: " + table.columnNames());
    }

    /** All timestamp column names Lathe recognises (for column projection when reading). */
    public static List<String> allNames() {
        return KNOWN.stream()
                .flatMap(k -> List.of(k.pickup, k.dropoff).stream())
                .toList();
    }
}
