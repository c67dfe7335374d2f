package dev.lathe.tracking.search;

import java.util.List;

/** The right-hand side of a filter clause: a string, a number, a list of strings, or nothing (IS NULL). */
public sealed interface FilterValue {

    /** A quoted string literal, quotes removed. */
    record Text(String value) implements FilterValue {}

    /** A numeric literal, kept with its source spelling so integers bind as integers. */
    record Number(String literal) implements FilterValue {
        /** The literal as a SQL binding: a {@link Long} when integral, else a {@link Double}. */
        public Object binding() {
            try {
                return Long.parseLong(literal.startsWith("+") ? literal.substring(1) : literal);
            } catch (NumberFormatException notIntegral) {
                return Double.parseDouble(literal);
            }
        }
    }

    /** A parenthesised list of quoted strings, as used by IN and NOT IN. */
    record TextList(List<String> values) implements FilterValue {
        public TextList {
            values = List.copyOf(values);
        }
    }

    /** No value: the comparator is IS NULL or IS NOT NULL. */
    record None() implements FilterValue {}
}
