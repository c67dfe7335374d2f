package dev.lathe.evaluation.monitor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How the current data is split into batches by its event time: calendar days or ISO weeks (from Monday). */
public enum BatchPeriod {
    DAY,
    WEEK;

    /** The first day of the batch holding {@code date}. */
    public LocalDate start(LocalDate date) {
        return this == DAY ? date : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
