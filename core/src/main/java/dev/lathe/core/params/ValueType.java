package dev.lathe.core.params;

import dev.lathe.core.LatheException;
import java.util.List;
import java.util.Locale;

/**
 * The type of a hyperparameter's value and the rule it obeys: how it is parsed from and written to
 * the text that command lines and tracking stores hold (written values parse back to the same value),
 * and which values are valid.
 *
 * @param <T> the Java type of the value
 */
public sealed interface ValueType<T>
        permits ValueType.Real, ValueType.Int, ValueType.Long64, ValueType.Bool, ValueType.Choice, ValueType.Text {

    /** The Java type of the value. */
    Class<T> javaType();

    /** What the value is, for messages and help: "a real number", "an integer", ... */
    String noun();

    /** The rule a valid value obeys, for messages and help ("in [0, inf)"), or empty when any value is. */
    String rule();

    /** Whether {@code value} obeys the rule. */
    boolean accepts(T value);

    /** What a valid value is, for messages and help: "a real number in [0, inf)", "one of [a, b]". */
    default String describe() {
        return rule().isEmpty() ? noun() : noun() + " " + rule();
    }

    /** The value from its text; throws {@link IllegalArgumentException} for text of another type. */
    T parse(String text);

    /** The value as logged; {@link #parse} of it gives the value back. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** A real number in an interval, written as {@link Double#toString} writes it (exact round trip). */
    record Real(Interval range) implements ValueType<Double> {
        @Override
        public Class<Double> javaType() {
            return Double.class;
        }

        @Override
        public String noun() {
            return "a real number";
        }

        @Override
        public String rule() {
            return "in " + range;
        }

        @Override
        public boolean accepts(Double value) {
            return range.contains(value);
        }

        @Override
        public Double parse(String text) {
            return Double.parseDouble(text.strip());
        }
    }

    /** A 32-bit integer in an interval. */
    record Int(Interval range) implements ValueType<Integer> {
        @Override
        public Class<Integer> javaType() {
            return Integer.class;
        }

        @Override
        public String noun() {
            return "an integer";
        }

        @Override
        public String rule() {
            return "in " + range;
        }

        @Override
        public boolean accepts(Integer value) {
            return range.contains(value);
        }

        @Override
        public Integer parse(String text) {
            return Integer.parseInt(text.strip());
        }
    }

    /** A 64-bit integer in an interval (seeds). */
    record Long64(Interval range) implements ValueType<Long> {
        @Override
        public Class<Long> javaType() {
            return Long.class;
        }

        @Override
        public String noun() {
            return "a 64-bit integer";
        }

        @Override
        public String rule() {
            return range.equals(Interval.any()) ? "" : "in " + range;
        }

        @Override
        public boolean accepts(Long value) {
            return range.contains(value);
        }

        @Override
        public Long parse(String text) {
            return Long.parseLong(text.strip());
        }
    }

    /** {@code true} or {@code false}. */
    record Bool() implements ValueType<Boolean> {
        @Override
        public Class<Boolean> javaType() {
            return Boolean.class;
        }

        @Override
        public String noun() {
            return "true or false";
        }

        @Override
        public String rule() {
            return "";
        }

        @Override
        public boolean accepts(Boolean value) {
            return true;
        }

        @Override
        public Boolean parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new IllegalArgumentException("not a boolean: " + text);
            }
            return Boolean.parseBoolean(t);
        }
    }

    /** One of a fixed list of words. */
    record Choice(List<String> choices) implements ValueType<String> {
        public Choice {
            LatheException.check(choices != null && !choices.isEmpty(), "a choice needs at least one value");
            choices = List.copyOf(choices);
        }

        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public String noun() {
            return "a word";
        }

        @Override
        public String rule() {
            return "one of " + choices;
        }

        @Override
        public String describe() {
            return rule();
        }

        @Override
        public boolean accepts(String value) {
            return choices.contains(value);
        }

        @Override
        public String parse(String text) {
            return text.strip();
        }
    }

    /** Free text that must not be blank (XGBoost's objective and evaluation metric). */
    record Text() implements ValueType<String> {
        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public String noun() {
            return "text";
        }

        @Override
        public String rule() {
            return "non-blank";
        }

        @Override
        public String describe() {
            return "non-blank text";
        }

        @Override
        public boolean accepts(String value) {
            return !value.isBlank();
        }

        @Override
        public String parse(String text) {
            return text.strip();
        }
    }
}
