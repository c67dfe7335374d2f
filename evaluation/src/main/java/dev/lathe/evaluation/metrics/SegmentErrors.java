package dev.lathe.evaluation.metrics;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups predictions by a label per row (the pickup zone of each trip, the hour, the vendor...) and
 * reports count, MAE and RMSE per group, so that a good global RMSE cannot hide a badly served segment.
 */
public final class SegmentErrors {
    private SegmentErrors() {}

    /** Per-segment errors of all segments, sorted by {@code order}. */
    public static List<SegmentError> compute(double[] yTrue, double[] yPred, String[] labels, SegmentOrder order) {
        return compute(yTrue, yPred, labels, order, 1);
    }

    /** Per-segment errors of the segments with at least {@code minCount} rows, sorted by {@code order}. */
    public static List<SegmentError> compute(
            double[] yTrue, double[] yPred, String[] labels, SegmentOrder order, long minCount) {
        PredictionInputs.check(yTrue, yPred);
        LatheException.check(labels != null, "segment labels must not be null");
        LatheException.check(
                labels.length == yTrue.length,
                "segment labels must have one label per row: %d labels for %d rows",
                labels.length,
                yTrue.length);
        LatheException.check(minCount >= 1, "minCount must be >= 1, got %d", minCount);
        Map<String, double[]> acc = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            LatheException.check(labels[i] != null, "segment label must not be null, got null at row %d", i);
            double err = yTrue[i] - yPred[i];
            double[] a = acc.computeIfAbsent(labels[i], k -> new double[3]);
            a[0] += 1;
            a[1] += Math.abs(err);
            a[2] += err * err;
        }
        List<SegmentError> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : acc.entrySet()) {
            double[] a = e.getValue();
            long count = (long) a[0];
            if (count >= minCount) {
                out.add(new SegmentError(e.getKey(), count, a[1] / count, Math.sqrt(a[2] / count)));
            }
        }
        out.sort(order.comparator());
        return List.copyOf(out);
    }
}
