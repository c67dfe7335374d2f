package dev.lathe.core.params;

import dev.lathe.core.LatheException;
import java.util.Arrays;
import java.util.List;

/**
 * A trainer's default search range for one of its declared hyperparameters (as FLAML's estimators
 * declare their search spaces): uniform or log-uniform between two valid values for random and TPE
 * search, and the values a grid search tries. Both ends and every grid value are checked against the
 * hyperparameter's own rule, so a search never proposes a value the trainer would reject.
 *
 * @param param the declared hyperparameter (a real or an integer)
 * @param low lower end of the search range (inclusive)
 * @param high upper end of the search range (inclusive)
 * @param log whether to search the logarithm uniformly
 * @param grid the values grid search tries (may be empty: not part of the grid)
 */
public record Tunable(Hyperparameter<?> param, double low, double high, boolean log, List<Object> grid) {
    public Tunable {
        LatheException.check(param != null, "a tunable needs a hyperparameter");
        LatheException.check(
                param.type() instanceof ValueType.Real || param.type() instanceof ValueType.Int,
                "only real and integer hyperparameters have search ranges, %s is %s",
                param.name(),
                param.type().noun());
        LatheException.check(
                low < high, "search range of %s needs low < high, got low=%s high=%s", param.name(), low, high);
        LatheException.check(!log || low > 0, "log search range of %s needs low > 0, got %s", param.name(), low);
        checkEnd(param, low);
        checkEnd(param, high);
        grid = List.copyOf(grid);
        for (Object v : grid) {
            checkValue(param, v);
        }
    }

    /** Uniform between {@code low} and {@code high}. */
    public static Tunable uniform(Hyperparameter<Double> param, double low, double high) {
        return new Tunable(param, low, high, false, List.of());
    }

    /** Log-uniform between {@code low} and {@code high}. */
    public static Tunable logUniform(Hyperparameter<Double> param, double low, double high) {
        return new Tunable(param, low, high, true, List.of());
    }

    /** Every integer between {@code low} and {@code high}, equally likely. */
    public static Tunable intRange(Hyperparameter<Integer> param, int low, int high) {
        return new Tunable(param, low, high, false, List.of());
    }

    /** This range, with the values grid search tries. */
    public Tunable withGrid(Object... values) {
        return new Tunable(param, low, high, log, Arrays.asList(values));
    }

    /** Whether values are integers. */
    public boolean integer() {
        return param.type() instanceof ValueType.Int;
    }

    private static void checkEnd(Hyperparameter<?> param, double end) {
        if (param.type() instanceof ValueType.Int) {
            LatheException.check(
                    end == Math.rint(end), "search range of %s needs integer ends, got %s", param.name(), end);
            checkValue(param, (int) end);
        } else {
            checkValue(param, end);
        }
    }

    private static <T> void checkValue(Hyperparameter<T> param, Object value) {
        param.check(param.cast(value));
    }
}
