package dev.lathe.trainers.boosted;

import dev.lathe.core.model.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/** Records every metric a fit reports, and asks to stop once {@code stopAfter} steps have been seen. */
public final class RecordingListener implements TrainingListener {
    /** One reported metric. */
    public record Point(String key, double value, long step) {}

    private final long stopAt;
    private final List<Point> points = new ArrayList<>();

    /** {@code stopAt < 0} never stops. */
    public RecordingListener(long stopAt) {
        this.stopAt = stopAt;
    }

    @Override
    public void metric(String key, double value, long step) {
        points.add(new Point(key, value, step));
    }

    @Override
    public boolean shouldStop(long step) {
        return stopAt >= 0 && step >= stopAt;
    }

    public List<Double> values(String key) {
        return points.stream()
                .filter(p -> p.key().equals(key))
                .map(Point::value)
                .toList();
    }
}
