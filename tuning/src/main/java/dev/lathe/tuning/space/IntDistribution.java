package dev.lathe.tuning.space;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;

/** An integer in [low, high], uniform or (when {@code log}) log-uniform; values are {@link Integer}s. */
public record IntDistribution(int low, int high, boolean log) implements Distribution {
    public IntDistribution {
        LatheException.check(
                low <= high,
                "The `low` value must be smaller than or equal to the `high` value "
                        + "(low <= high must hold), but got low=%d, high=%d.",
                low,
                high);
        if (log) {
            LatheException.check(
                    low >= 1, "The `low` value must be >= 1 for a log integer range (low=%d, high=%d).", low, high);
        }
    }

    @Override
    public double internalLow() {
        return log ? Math.log(low - 0.5) : low - 0.5;
    }

    @Override
    public double internalHigh() {
        return log ? Math.log(high + 0.5) : high + 0.5;
    }

    @Override
    public Object fromInternal(double internal) {
        double v = log ? Math.exp(internal) : internal;
        long r = Math.round(v);
        return (int) Math.max(low, Math.min(high, r));
    }

    @Override
    public double toInternal(Object value) {
        int v = ((Number) value).intValue();
        return log ? Math.log(v) : v;
    }

    @Override
    public Object parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    "int(" + low + ", " + high + ") expects an integer such as \"7\", got '" + text + "'", e);
        }
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Integer i && i >= low && i <= high;
    }
}
