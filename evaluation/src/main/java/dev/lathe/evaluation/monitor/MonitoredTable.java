package dev.lathe.evaluation.monitor;

import dev.lathe.core.LatheException;
import dev.lathe.core.features.FeatureFrame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One side of a monitoring comparison, as the recipe prepared it: the kept rows' features and target,
 * the model's predictions when a model is given, and each row's event day (days since 1970-01-01) when
 * it is split into batches.
 */
public record MonitoredTable(
        String name, FeatureFrame features, double[] target, Optional<double[]> predictions, Optional<long[]> days) {
    public MonitoredTable {
        LatheException.check(features.rows() == target.length, "'%s': features and target differ in rows", name);
        predictions.ifPresent(p -> LatheException.check(
                p.length == target.length, "'%s': %d predictions for %d rows", name, p.length, target.length));
        days.ifPresent(d -> LatheException.check(
                d.length == target.length, "'%s': %d event days for %d rows", name, d.length, target.length));
    }

    public int rows() {
        return target.length;
    }

    /** The rows at {@code index} (ascending), as a table named {@code batchName}. */
    public MonitoredTable select(String batchName, int[] index) {
        Map<String, String[]> cat = new LinkedHashMap<>();
        features.categorical().forEach((k, v) -> cat.put(k, pick(v, index)));
        Map<String, double[]> num = new LinkedHashMap<>();
        features.numerical().forEach((k, v) -> num.put(k, pick(v, index)));
        return new MonitoredTable(
                batchName,
                new FeatureFrame(cat, num, index.length),
                pick(target, index),
                predictions.map(p -> pick(p, index)),
                days.map(d -> {
                    long[] out = new long[index.length];
                    for (int i = 0; i < index.length; i++) {
                        out[i] = d[index[i]];
                    }
                    return out;
                }));
    }

    private static double[] pick(double[] v, int[] index) {
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = v[index[i]];
        }
        return out;
    }

    private static String[] pick(String[] v, int[] index) {
        String[] out = new String[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = v[index[i]];
        }
        return out;
    }
}
