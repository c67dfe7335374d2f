package dev.lathe.tracking.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Python's {@code str(float)} does ({@code 0.5}, {@code 1e-05}, {@code 1e+16},
 * {@code nan}, {@code inf}), which is how MLflow's file store writes metric values.
 */
public final class PythonFloat {
    private PythonFloat() {}

    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0.0) {
            return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = shortest(Math.abs(v));
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String expSign = exponent < 0 ? "-" : "+";
            int absExp = Math.abs(exponent);
            return sign + mantissa + "e" + expSign + (absExp < 10 ? "0" : "") + absExp;
        }
        String plain = d.toPlainString();
        if (!plain.contains(".")) {
            plain = plain + ".0";
        }
        return sign + plain;
    }

    /** The shortest decimal that reads back as {@code v} (Java 17's Double.toString is not always shortest). */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == v) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.stripTrailingZeros();
    }
}
