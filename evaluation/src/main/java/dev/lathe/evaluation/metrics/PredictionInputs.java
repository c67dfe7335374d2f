package dev.lathe.evaluation.metrics;

import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;

/** Validates a pair of target/prediction arrays before any metric is computed from them. */
public final class PredictionInputs {
    private PredictionInputs() {}

    /**
     * Checks that both arrays are non-null, non-empty, of equal length and hold only finite values;
     * the message names the array, the index and the value that broke the rule.
     */
    public static void check(double[] yTrue, double[] yPred) {
        LatheException.check(yTrue != null, "y_true must not be null");
        LatheException.check(yPred != null, "y_pred must not be null");
        LatheException.check(yTrue.length > 0, "y_true must not be empty, got 0 values");
        LatheException.check(
                yTrue.length == yPred.length,
                "y_true and y_pred must have equal lengths, got %d and %d",
                yTrue.length,
                yPred.length);
        checkFinite("y_true", yTrue);
        checkFinite("y_pred", yPred);
    }

    /** Checks that every value of {@code values} is finite, naming {@code what} on failure. */
    public static void checkFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new DataException(String.format(
                        java.util.Locale.ROOT, "%s must be finite, got %s at index %d", what, values[i], i));
            }
        }
    }
}
