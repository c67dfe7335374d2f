package dev.lathe.tuning.space;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;

/** Shared validation of distribution bounds, with Optuna's wording. */
final class Bounds {
    private Bounds() {}

    static void checkRange(double low, double high) {
        LatheException.check(
                Double.isFinite(low) && Double.isFinite(high), "bounds must be finite, got low=%s, high=%s", low, high);
        LatheException.check(
                low <= high,
                "The `low` value must be smaller than or equal to the `high` value "
                        + "(low <= high must hold), but got low=%s, high=%s.",
                low,
                high);
    }

    static void checkLog(double low, double high) {
        LatheException.check(
                low > 0, "The `low` value must be larger than 0 for a log distribution (low=%s, high=%s).", low, high);
    }

    static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    static double parseDouble(String what, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(what + " expects a number, got '" + text + "'", e);
        }
    }
}
