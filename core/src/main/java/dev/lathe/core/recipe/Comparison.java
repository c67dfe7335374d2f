package dev.lathe.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.lathe.core.InvalidParameterException;
import java.util.Arrays;

/** The comparison of a {@link RowFilter.Compare} filter, written as in the filter grammar ({@code >=}, ...). */
public enum Comparison {
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value symbol bound} holds; false for NaN (a missing value never passes). */
    public boolean test(double value, double bound) {
        return switch (this) {
            case GREATER -> value > bound;
            case GREATER_OR_EQUAL -> value >= bound;
            case LESS -> value < bound;
            case LESS_OR_EQUAL -> value <= bound;
            case EQUAL -> value == bound;
            case NOT_EQUAL -> !Double.isNaN(value) && value != bound;
        };
    }

    @JsonCreator
    public static Comparison of(String symbol) {
        return Arrays.stream(values())
                .filter(c -> c.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(
                        "comparison '" + symbol + "' is not one of >, >=, <, <=, ==, !="));
    }
}
