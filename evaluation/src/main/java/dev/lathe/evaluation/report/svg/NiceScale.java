package dev.lathe.evaluation.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at "nice" round numbers (1, 2, 2.5, 5 times a power of ten, the one nearest to the range
 * divided by the wanted tick count) covering a data range, and tick labels with just enough decimals.
 */
public final class NiceScale {
    private final double min;
    private final double max;
    private final double step;

    /** A scale over [lo, hi] with about {@code targetTicks} ticks; a degenerate range is widened. */
    public NiceScale(double lo, double hi, int targetTicks) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / Math.max(1, targetTicks - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double nice = norm < 1.5 ? 1 : norm < 2.25 ? 2 : norm < 3.5 ? 2.5 : norm < 7.5 ? 5 : 10;
        this.step = nice * mag;
        this.min = Math.floor(lo / step) * step;
        this.max = Math.ceil(hi / step) * step;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double step() {
        return step;
    }

    /** The tick values from min to max inclusive. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        int n = (int) Math.round((max - min) / step);
        for (int i = 0; i <= n; i++) {
            double t = min + i * step;
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /** A tick label: thousands as "k" when the step is a multiple of 1000, otherwise step-sized decimals. */
    public String label(double v) {
        if (step >= 1000 && Math.abs(v) >= 1000 && Math.rint(v / 1000) * 1000 == v) {
            return String.format(Locale.ROOT, "%dk", (long) (v / 1000));
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double scaled = step * Math.pow(10, decimals);
        if (Math.abs(scaled - Math.rint(scaled)) > 1e-9) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
