package dev.lathe.tuning.space;

/**
 * The typed range one hyperparameter is drawn from (Optuna's distributions). Values are Java objects
 * of the natural type: {@link Double} for continuous ranges, {@link Integer} for integer ranges, the
 * choice itself for categorical ones. Samplers that model the space (TPE) work in an "internal"
 * double coordinate: the log for log ranges, the index for categorical choices.
 */
public sealed interface Distribution
        permits UniformDistribution,
                LogUniformDistribution,
                QUniformDistribution,
                IntDistribution,
                CategoricalDistribution,
                FixedDistribution {

    /** True when the internal coordinate is a category index rather than a continuous value. */
    default boolean isCategorical() {
        return false;
    }

    /** Lower end of the internal coordinate (for categorical: -0.5). */
    double internalLow();

    /** Upper end of the internal coordinate (for categorical: size - 0.5). */
    double internalHigh();

    /** The value for an internal coordinate in [internalLow, internalHigh] (rounded/quantised as needed). */
    Object fromInternal(double internal);

    /** The internal coordinate of a value of this distribution. */
    double toInternal(Object value);

    /** The value as logged to a tracker ("7" for integers, never "7.0"). */
    default String format(Object value) {
        return String.valueOf(value);
    }

    /** Parses a logged value back ({@link #format} round-trips). */
    Object parse(String text);

    /** A value drawn uniformly in the internal coordinate (uniform, log-uniform or uniform index). */
    default Object sample(java.util.random.RandomGenerator rng) {
        double lo = internalLow();
        double hi = internalHigh();
        return fromInternal(lo + rng.nextDouble() * (hi - lo));
    }

    /** Whether {@code value} belongs to this distribution. */
    boolean contains(Object value);
}
