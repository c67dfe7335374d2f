package dev.lathe.evaluation.report;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric per boosting round for one or more data sets (for example "train" and "valid" RMSE), with
 * the best round if the trainer reported one (-1 when unknown). Rounds are numbered from 0.
 */
public final class LearningCurve {
    private final String metric;
    private final Map<String, double[]> series;
    private final int bestRound;

    private LearningCurve(String metric, Map<String, double[]> series, int bestRound) {
        this.metric = metric;
        this.series = series;
        this.bestRound = bestRound;
    }

    /** Starts a curve of {@code metric} (e.g. "rmse"). */
    public static Builder builder(String metric) {
        return new Builder(metric);
    }

    public String metric() {
        return metric;
    }

    /** Series names in insertion order. */
    public List<String> names() {
        return new ArrayList<>(series.keySet());
    }

    /** The values of one series by round (a copy). */
    public double[] values(String name) {
        double[] v = series.get(name);
        LatheException.check(v != null, "learning curve has no series '%s', has %s", name, series.keySet());
        return v.clone();
    }

    public int bestRound() {
        return bestRound;
    }

    /** Builder for a {@link LearningCurve}. */
    public static final class Builder {
        private final String metric;
        private final Map<String, double[]> series = new LinkedHashMap<>();
        private int bestRound = -1;

        private Builder(String metric) {
            LatheException.check(metric != null && !metric.isBlank(), "learning curve metric must not be blank");
            this.metric = metric;
        }

        public Builder series(String name, double[] valuesByRound) {
            LatheException.check(name != null && !name.isBlank(), "learning curve series name must not be blank");
            LatheException.check(valuesByRound.length > 0, "learning curve series '%s' must not be empty", name);
            dev.lathe.evaluation.metrics.PredictionInputs.checkFinite(
                    "learning curve series '" + name + "'", valuesByRound);
            series.put(name, valuesByRound.clone());
            return this;
        }

        public Builder bestRound(int round) {
            LatheException.check(round >= 0, "best round must be >= 0, got %d", round);
            this.bestRound = round;
            return this;
        }

        public LearningCurve build() {
            LatheException.check(!series.isEmpty(), "learning curve '%s' needs at least one series", metric);
            return new LearningCurve(metric, Collections.unmodifiableMap(series), bestRound);
        }
    }
}
