package dev.lathe.evaluation.monitor;

import dev.lathe.core.DataException;
import dev.lathe.core.features.FeatureFrame;
import dev.lathe.core.io.TableReader;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.DerivedColumn;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.Recipe;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a month for monitoring with a recipe (the model's, or the course's): its filters, target and
 * features, the model's predictions, and, when it is to be split into batches, each kept row's event
 * day. The event time is the start of the recipe's first {@code minutes_between} column (the pickup
 * time for the taxi recipe), read through the same recipe so that it belongs to exactly the kept rows.
 */
public final class MonitorFiles {
    /** Helper columns added to the table and the recipe to carry the event time through the filters. */
    static final String EPOCH_COLUMN = "lathe_monitor_epoch";

    static final String EVENT_MINUTES = "lathe_monitor_event_minutes";

    private static final long MINUTES_PER_DAY = 24 * 60;

    private MonitorFiles() {}

    /** Prepares {@code file} with {@code recipe}, scores it with {@code model} if given, with event days if {@code withDays}. */
    public static MonitoredTable read(Recipe recipe, Path file, Optional<FittedPipeline> model, boolean withDays) {
        Table raw = TableReader.read(file, recipe.inputColumns());
        Recipe used = withDays ? withEventMinutes(recipe, file) : recipe;
        if (withDays) {
            DateTimeColumn epoch = DateTimeColumn.create(EPOCH_COLUMN);
            LocalDateTime zero = LocalDateTime.of(1970, 1, 1, 0, 0);
            for (int i = 0; i < raw.rowCount(); i++) {
                epoch.append(zero);
            }
            raw.addColumns(epoch);
        }
        PreparedTable prepared = used.prepare(raw, file.toString());
        Map<String, double[]> numerical =
                new LinkedHashMap<>(prepared.features().numerical());
        Optional<long[]> days = Optional.empty();
        if (withDays) {
            double[] minutes = numerical.remove(EVENT_MINUTES);
            long[] d = new long[minutes.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.floorDiv((long) Math.floor(minutes[i]), MINUTES_PER_DAY);
            }
            days = Optional.of(d);
        }
        FeatureFrame features = new FeatureFrame(prepared.features().categorical(), numerical, prepared.rows());
        Optional<double[]> predictions =
                model.map(m -> m.model().predict(m.encoder().transform(features)));
        return new MonitoredTable(fileName(file), features, prepared.target(), predictions, days);
    }

    /** The column holding the recipe's event time: the start of its first {@code minutes_between}. */
    public static String eventTimeColumn(Recipe recipe, Path file) {
        for (DerivedColumn d : recipe.derived()) {
            if (d instanceof DerivedColumn.MinutesBetween m) {
                return m.start();
            }
        }
        throw new DataException(file + ": batches need an event time, but recipe '" + recipe.name()
                + "' has no minutes_between column to take it from (its derived columns: " + recipe.derived() + ")");
    }

    private static Recipe withEventMinutes(Recipe recipe, Path file) {
        String time = eventTimeColumn(recipe, file);
        return recipe.toBuilder()
                .derive(new DerivedColumn.MinutesBetween(EVENT_MINUTES, EPOCH_COLUMN, time))
                .numerical(EVENT_MINUTES)
                .build();
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }
}
