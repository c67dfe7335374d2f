package dev.lathe.evaluation.monitor;

import dev.lathe.evaluation.drift.DataDrift;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import java.time.LocalDate;
import java.util.Optional;

/** One batch of the current data (a day or a week from {@code start}): its drift and, with a model and target, its metrics. */
public record MonitorBatch(LocalDate start, int rows, DataDrift drift, Optional<RegressionEvaluation> metrics) {}
