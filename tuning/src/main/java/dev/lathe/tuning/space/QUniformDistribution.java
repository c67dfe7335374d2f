package dev.lathe.tuning.space;

import dev.lathe.core.LatheException;

/** A continuous value on the grid low, low + q, low + 2q, ... up to high (hyperopt's quniform). */
public record QUniformDistribution(double low, double high, double q) implements Distribution {
    public QUniformDistribution {
        Bounds.checkRange(low, high);
        LatheException.check(q > 0 && Double.isFinite(q), "The `q` value must be > 0, but got q=%s.", q);
    }

    private long steps() {
        return (long) Math.floor((high - low) / q + 1e-9);
    }

    @Override
    public double internalLow() {
        return low - q / 2;
    }

    @Override
    public double internalHigh() {
        return low + steps() * q + q / 2;
    }

    @Override
    public Object fromInternal(double internal) {
        long k = Math.round((internal - low) / q);
        k = Math.max(0, Math.min(steps(), k));
        return low + k * q;
    }

    @Override
    public double toInternal(Object value) {
        return ((Number) value).doubleValue();
    }

    @Override
    public Object parse(String text) {
        return Bounds.parseDouble("quniform(" + low + ", " + high + ", " + q + ")", text);
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Double d && d >= low - 1e-9 && d <= high + 1e-9;
    }
}
