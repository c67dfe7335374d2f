package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.List;

/**
 * Thins a metric history to at most {@code maxPoints} points for a chart, keeping its shape: the first
 * and last points, and in each of {@code (maxPoints - 2) / 2} equal step intervals the points with the
 * smallest and largest value (a min-max decimation, so a spike in a million points is still drawn).
 * Points are fed in step order over a known step range; a history no longer than the budget is kept whole.
 */
public final class HistorySampler {
    private final long firstStep;
    private final double span;
    private final int buckets;
    private final int maxPoints;
    private final List<Metric> out = new ArrayList<>();
    private Metric first;
    private Metric last;
    private int bucket = -1;
    private Metric bucketFirst;
    private Metric bucketMin;
    private Metric bucketMax;
    private long seen;
    private long minAt;
    private long maxAt;

    /** Samples points whose steps lie in {@code firstStep..lastStep}. */
    public HistorySampler(long firstStep, long lastStep, int maxPoints) {
        LatheException.check(maxPoints >= 1, "a history sample needs at least 1 point, got %d", maxPoints);
        LatheException.check(
                firstStep <= lastStep, "a history's first step %d is after its last step %d", firstStep, lastStep);
        this.firstStep = firstStep;
        this.span = (double) lastStep - firstStep + 1;
        this.maxPoints = maxPoints;
        this.buckets = Math.max(0, (maxPoints - 2) / 2);
    }

    /** Samples a whole history already ordered by step. */
    public static List<Metric> sample(List<Metric> ordered, int maxPoints) {
        if (ordered.size() <= maxPoints) {
            return List.copyOf(ordered);
        }
        HistorySampler s = new HistorySampler(
                ordered.get(0).step(), ordered.get(ordered.size() - 1).step(), maxPoints);
        ordered.forEach(s::accept);
        return s.points();
    }

    /** Takes the next point in step order. */
    public void accept(Metric m) {
        if (first == null) {
            first = m;
            return;
        }
        if (last != null && buckets > 0) {
            bucketPoint(last);
        }
        last = m;
    }

    private void bucketPoint(Metric m) {
        long at = seen++;
        int b = (int) Math.min(buckets - 1, Math.floor((m.step() - firstStep) / span * buckets));
        if (b != bucket) {
            flushBucket();
            bucket = b;
            bucketFirst = m;
        }
        if (!Double.isNaN(m.value())) {
            if (bucketMin == null || m.value() < bucketMin.value()) {
                bucketMin = m;
                minAt = at;
            }
            if (bucketMax == null || m.value() > bucketMax.value()) {
                bucketMax = m;
                maxAt = at;
            }
        }
    }

    private void flushBucket() {
        if (bucketFirst == null) {
            return;
        }
        if (bucketMin == null) {
            out.add(bucketFirst); // only NaN points in this interval: keep one so the gap shows
        } else if (bucketMin == bucketMax) {
            out.add(bucketMin);
        } else if (minAt < maxAt) {
            out.add(bucketMin);
            out.add(bucketMax);
        } else {
            out.add(bucketMax);
            out.add(bucketMin);
        }
        bucketFirst = null;
        bucketMin = null;
        bucketMax = null;
    }

    /** The sample in step order: at most {@code maxPoints} points, the first and last always among them. */
    public List<Metric> points() {
        List<Metric> result = new ArrayList<>();
        if (first == null) {
            return result;
        }
        result.add(first);
        if (last == null) {
            return result;
        }
        flushBucket();
        result.addAll(out);
        if (maxPoints > 1) {
            result.add(last);
        }
        return result;
    }
}
