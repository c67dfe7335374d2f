package dev.lathe.tracking.sqlite;

/**
 * How metric values are stored so that NaN and the infinities come back exactly: NaN as value 0 with
 * is_nan = 1 (as MLflow), +-Infinity as +-Double.MAX_VALUE (as MLflow) with is_inf = 1.
 */
final class MetricValues {
    private MetricValues() {}

    static double stored(double v) {
        if (Double.isNaN(v)) {
            return 0.0;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        return v;
    }

    static int isNan(double v) {
        return Double.isNaN(v) ? 1 : 0;
    }

    static int isInf(double v) {
        return Double.isInfinite(v) ? 1 : 0;
    }

    static double restore(double stored, boolean isNan, boolean isInf) {
        if (isNan) {
            return Double.NaN;
        }
        if (isInf) {
            return stored > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return stored;
    }
}
