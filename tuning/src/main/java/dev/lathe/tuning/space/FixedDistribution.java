package dev.lathe.tuning.space;

import dev.lathe.core.LatheException;

/** A hyperparameter held at one value in every trial (logged like the others). */
public record FixedDistribution(Object value) implements Distribution {
    public FixedDistribution {
        LatheException.check(value != null, "a fixed value must not be null");
    }

    @Override
    public double internalLow() {
        return 0;
    }

    @Override
    public double internalHigh() {
        return 0;
    }

    @Override
    public Object fromInternal(double internal) {
        return value;
    }

    @Override
    public double toInternal(Object v) {
        return 0;
    }

    @Override
    public Object parse(String text) {
        LatheException.check(
                String.valueOf(value).equals(text), "fixed value is '%s', but the store holds '%s'", value, text);
        return value;
    }

    @Override
    public boolean contains(Object v) {
        return value.equals(v);
    }
}
