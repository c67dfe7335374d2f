package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.List;

/**
 * Thins a metric history to at most {@code maxPoints} points for a chart, keeping its shape: the first
 * and last points, and in each of {@code (maxPoints - 2) / 2} equal step intervals the points with the
 * smallest and largest value (a min-max decimation, so a spike in a million points is still drawn).
 * Points are fed in step order over a known step range; a history no longer than the budget is kept whole.
 * NaN points are never an interval's min or max (a chart draws them as gaps), and among equal values a
 * backend may keep any one of them (this class keeps the first).
 */
public final class HistorySampler {
    private final long firstStep;
    private final long lastStep;
    private final double span;
    private final int buckets;
    private final int maxPoints;
    private final List<Metric> out = new ArrayList<>();
    private Metric first;
    private Metric last;
    private int bucket = -1;
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
        this.lastStep = lastStep;
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

    /** The number of step intervals between the first and last points: {@code (maxPoints - 2) / 2}. */
    public int intervals() {
        return buckets;
    }

    /** The interval of a step: {@code floor((step - firstStep) / span * intervals)}, at most the last. */
    public int intervalOf(long step) {
        return (int) Math.min(buckets - 1, Math.floor((step - firstStep) / span * buckets));
    }

    /**
     * The first step of interval {@code i}: the smallest step whose interval is {@code i} or later, so a
     * backend can read interval {@code i} as the steps {@code intervalStart(i)..intervalStart(i + 1) - 1};
     * {@code intervalStart(intervals())} is one past the last step.
     */
    public long intervalStart(int i) {
        LatheException.check(i >= 0 && i <= buckets, "interval %d is outside 0..%d", i, buckets);
        if (i == buckets) {
            return lastStep + 1;
        }
        long s = firstStep + (long) Math.floor(i * span / buckets);
        while (s > firstStep && intervalOf(s - 1) >= i) {
            s--;
        }
        while (intervalOf(s) < i) {
            s++;
        }
        return s;
    }

    private void bucketPoint(Metric m) {
        long at = seen++;
        int b = intervalOf(m.step());
        if (b != bucket) {
            flushBucket();
            bucket = b;
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
        if (bucketMin == null) {
            return; // no point, or only NaN points, in this interval
        }
        if (bucketMin == bucketMax) {
            out.add(bucketMin);
        } else if (minAt < maxAt) {
            out.add(bucketMin);
            out.add(bucketMax);
        } else {
            out.add(bucketMax);
            out.add(bucketMin);
        }
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
