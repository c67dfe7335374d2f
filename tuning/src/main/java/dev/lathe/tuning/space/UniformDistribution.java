package dev.lathe.tuning.space;

/** A continuous value drawn uniformly from [low, high]. */
public record UniformDistribution(double low, double high) implements Distribution {
    public UniformDistribution {
        Bounds.checkRange(low, high);
    }

    @Override
    public double internalLow() {
        return low;
    }

    @Override
    public double internalHigh() {
        return high;
    }

    @Override
    public Object fromInternal(double internal) {
        return Bounds.clamp(internal, low, high);
    }

    @Override
    public double toInternal(Object value) {
        return ((Number) value).doubleValue();
    }

    @Override
    public Object parse(String text) {
        return Bounds.parseDouble("uniform(" + low + ", " + high + ")", text);
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Double d && d >= low && d <= high;
    }
}
