package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the line that XGBoost's {@code evalSet} returns, such as
 * {@code "[3]\ttrain-rmse:4.12\tvalid-rmse:4.56"}, into a map from "train-rmse" to its value.
 */
final class EvalLine {
    private EvalLine() {}

    static Map<String, Double> parse(String line) {
        Map<String, Double> out = new LinkedHashMap<>();
        String[] parts = line.trim().split("\t");
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].lastIndexOf(':');
            LatheException.check(colon > 0, "cannot parse XGBoost evaluation entry '%s' in '%s'", parts[i], line);
            try {
                out.put(parts[i].substring(0, colon), Double.parseDouble(parts[i].substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new LatheException("cannot parse XGBoost evaluation value in '" + parts[i] + "'", e);
            }
        }
        return out;
    }
}
