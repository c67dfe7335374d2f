package dev.lathe.evaluation.gates;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import java.util.OptionalDouble;

/**
 * The acceptance rule for one metric, as MLflow's {@code MetricThreshold}: an optional absolute
 * threshold, an optional minimum absolute change and an optional minimum relative change over a
 * baseline model, and which way the metric improves (MLflow's {@code greater_is_better}). At least one of the three must be set;
 * changes must be positive and the relative change below 1.
 */
public record MetricThreshold(
        OptionalDouble threshold,
        OptionalDouble minAbsoluteChange,
        OptionalDouble minRelativeChange,
        Direction direction) {

    public MetricThreshold {
        LatheException.check(
                threshold != null && minAbsoluteChange != null && minRelativeChange != null,
                "metric threshold parts must not be null (use OptionalDouble.empty())");
        LatheException.check(direction != null, "metric threshold needs a direction (MINIMIZE or MAXIMIZE)");
        LatheException.check(
                threshold.isPresent() || minAbsoluteChange.isPresent() || minRelativeChange.isPresent(),
                "a metric threshold needs at least one of threshold, min_absolute_change, min_relative_change");
        threshold.ifPresent(t -> LatheException.check(Double.isFinite(t), "threshold must be finite, got %s", t));
        minAbsoluteChange.ifPresent(c -> LatheException.check(
                Double.isFinite(c) && c > 0, "min_absolute_change must be a finite number > 0, got %s", c));
        minRelativeChange.ifPresent(
                c -> LatheException.check(c > 0 && c < 1, "min_relative_change must be > 0 and < 1, got %s", c));
    }

    /** Starts a threshold for a metric that improves in {@code direction}. */
    public static Builder builder(Direction direction) {
        return new Builder(direction);
    }

    /** True when the candidate must be compared with a baseline model's metrics. */
    public boolean needsBaseline() {
        return minAbsoluteChange.isPresent() || minRelativeChange.isPresent();
    }

    /** Builder for a {@link MetricThreshold}: the direction is required, every bound is optional. */
    public static final class Builder {
        private final Direction direction;
        private OptionalDouble threshold = OptionalDouble.empty();
        private OptionalDouble minAbsoluteChange = OptionalDouble.empty();
        private OptionalDouble minRelativeChange = OptionalDouble.empty();

        private Builder(Direction direction) {
            this.direction = direction;
        }

        /** The candidate must be >= (MAXIMIZE) or <= (MINIMIZE) this value. */
        public Builder threshold(double value) {
            this.threshold = OptionalDouble.of(value);
            return this;
        }

        /** The candidate must beat the baseline by at least this much. */
        public Builder minAbsoluteChange(double value) {
            this.minAbsoluteChange = OptionalDouble.of(value);
            return this;
        }

        /** The candidate must beat the baseline by at least this fraction of the baseline. */
        public Builder minRelativeChange(double value) {
            this.minRelativeChange = OptionalDouble.of(value);
            return this;
        }

        public MetricThreshold build() {
            return new MetricThreshold(threshold, minAbsoluteChange, minRelativeChange, direction);
        }
    }
}
