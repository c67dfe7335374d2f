package dev.lathe.tuning.space;

/** A continuous value whose logarithm is uniform on [log low, log high]; both bounds must be positive. */
public record LogUniformDistribution(double low, double high) implements Distribution {
    public LogUniformDistribution {
        Bounds.checkRange(low, high);
        Bounds.checkLog(low, high);
    }

    @Override
    public double internalLow() {
        return Math.log(low);
    }

    @Override
    public double internalHigh() {
        return Math.log(high);
    }

    @Override
    public Object fromInternal(double internal) {
        return Bounds.clamp(Math.exp(internal), low, high);
    }

    @Override
    public double toInternal(Object value) {
        return Math.log(((Number) value).doubleValue());
    }

    @Override
    public Object parse(String text) {
        return Bounds.parseDouble("loguniform(" + low + ", " + high + ")", text);
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Double d && d >= low && d <= high;
    }
}
