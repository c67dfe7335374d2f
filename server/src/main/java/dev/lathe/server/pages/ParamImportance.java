package dev.lathe.server.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parameter importance on the search page, a simple and stated method: the share of the score's
 * variance explained by a param's bins (η², the correlation ratio, 1 - SS within bins / SS total),
 * over the completed trials. A categorical param's bins are its values; a numeric param (every value
 * parses as a number) is cut into at most {@link #BINS} bins of about equal count, equal values in
 * the same bin. With few trials per bin η² is biased upwards.
 */
final class ParamImportance {
    /** Bins a numeric param is cut into at most. */
    static final int BINS = 5;
    /** The method, as the page states it. */
    static final String METHOD = "η² (correlation ratio): the share of the score's variance explained by the param's"
            + " bins, 1 − SS within bins / SS total, over the completed trials; numeric params in at most " + BINS
            + " bins of about equal count, categorical params by value. Biased upwards with few trials per bin.";

    /** One param's importance: η² in [0, 1], the bins used and the trials that had the param. */
    record Importance(String param, double etaSquared, int bins, int trials, boolean numeric) {}

    private ParamImportance() {}

    /**
     * The importance of every param the trials have, most important first (ties by name).
     *
     * @param params each completed trial's params (as logged: text)
     * @param scores each trial's score, same order, all finite
     */
    static List<Importance> of(List<Map<String, String>> params, double[] scores) {
        TreeSet<String> names = new TreeSet<>();
        params.forEach(p -> names.addAll(p.keySet()));
        List<Importance> out = new ArrayList<>();
        for (String name : names) {
            List<String> values = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                String v = params.get(i).get(name);
                if (v != null) {
                    values.add(v);
                    ys.add(scores[i]);
                }
            }
            if (values.size() < 2) {
                continue;
            }
            boolean numeric = values.stream().allMatch(ParamImportance::isNumber);
            int[] bin = numeric ? numericBins(values) : categoricalBins(values);
            int bins = 0;
            for (int b : bin) {
                bins = Math.max(bins, b + 1);
            }
            out.add(new Importance(name, etaSquared(bin, bins, ys), bins, values.size(), numeric));
        }
        out.sort(Comparator.comparingDouble(Importance::etaSquared).reversed().thenComparing(Importance::param));
        return out;
    }

    /** 1 - SS within / SS total; 0 when the scores do not vary. */
    static double etaSquared(int[] bin, int bins, List<Double> ys) {
        double[] sum = new double[bins];
        int[] count = new int[bins];
        double total = 0;
        for (int i = 0; i < bin.length; i++) {
            sum[bin[i]] += ys.get(i);
            count[bin[i]]++;
            total += ys.get(i);
        }
        double mean = total / ys.size();
        double ssTotal = 0;
        double ssWithin = 0;
        for (int i = 0; i < bin.length; i++) {
            double y = ys.get(i);
            double binMean = sum[bin[i]] / count[bin[i]];
            ssTotal += (y - mean) * (y - mean);
            ssWithin += (y - binMean) * (y - binMean);
        }
        return ssTotal <= 0 ? 0 : Math.max(0, Math.min(1, 1 - ssWithin / ssTotal));
    }

    /** Distinct values in order; the bin of a value is floor(trials before it x BINS / trials). */
    private static int[] numericBins(List<String> values) {
        double[] x = values.stream().mapToDouble(Double::parseDouble).toArray();
        TreeMap<Double, Integer> counts = new TreeMap<>();
        for (double v : x) {
            counts.merge(v, 1, Integer::sum);
        }
        Map<Double, Integer> binOf = new HashMap<>();
        int before = 0;
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            binOf.put(e.getKey(), (int) ((long) before * BINS / x.length));
            before += e.getValue();
        }
        // renumber the bins used 0..k-1 (some may be skipped when a value repeats a lot)
        TreeMap<Integer, Integer> dense = new TreeMap<>();
        binOf.values().forEach(b -> dense.putIfAbsent(b, 0));
        int k = 0;
        for (Map.Entry<Integer, Integer> e : dense.entrySet()) {
            e.setValue(k++);
        }
        int[] bin = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            bin[i] = dense.get(binOf.get(x[i]));
        }
        return bin;
    }

    private static int[] categoricalBins(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        int[] bin = new int[values.size()];
        for (int i = 0; i < values.size(); i++) {
            bin[i] = index.computeIfAbsent(values.get(i), v -> index.size());
        }
        return bin;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
