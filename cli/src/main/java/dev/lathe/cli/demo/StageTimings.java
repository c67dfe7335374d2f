package dev.lathe.cli.demo;

import dev.lathe.core.LatheException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Wall-clock seconds of each {@link DemoStage} of one demo run, as reported and benchmarked. */
public record StageTimings(Map<DemoStage, Double> seconds) {
    public StageTimings {
        LatheException.check(
                seconds != null && seconds.size() == DemoStage.values().length,
                "stage timings need every demo stage, got %s",
                seconds);
        seconds = Collections.unmodifiableMap(new EnumMap<>(seconds));
    }

    public double of(DemoStage stage) {
        return seconds.get(stage);
    }

    /** The sum of every stage: the whole run but the JVM's start. */
    public double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
