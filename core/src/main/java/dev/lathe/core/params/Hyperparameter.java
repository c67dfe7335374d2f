package dev.lathe.core.params;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One hyperparameter of a trainer, declared once: its name (scikit-learn's or XGBoost's where one
 * exists), its type and valid range, its default and one line of documentation. Command-line parsing,
 * help, logged params, provenance and search spaces all derive from this declaration; a value outside
 * the range is rejected with a message that states the rule and the value.
 *
 * @param <T> the Java type of the value
 */
public final class Hyperparameter<T> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String doc;

    private Hyperparameter(String name, ValueType<T> type, T defaultValue, String doc) {
        LatheException.check(
                name != null && NAME.matcher(name).matches(),
                "hyperparameter name must be snake_case (%s), got '%s'",
                NAME,
                name);
        LatheException.check(type != null, "hyperparameter %s needs a type", name);
        LatheException.check(doc != null && !doc.isBlank(), "hyperparameter %s needs one line of doc", name);
        this.name = name;
        this.type = type;
        this.doc = doc;
        this.defaultValue = check(defaultValue);
    }

    /** A real number in {@code range}. */
    public static Hyperparameter<Double> real(String name, double defaultValue, Interval range, String doc) {
        return new Hyperparameter<>(name, new ValueType.Real(range), defaultValue, doc);
    }

    /** An integer in {@code range}. */
    public static Hyperparameter<Integer> integer(String name, int defaultValue, Interval range, String doc) {
        return new Hyperparameter<>(name, new ValueType.Int(range), defaultValue, doc);
    }

    /** A 64-bit integer, any value (a seed). */
    public static Hyperparameter<Long> seed(String name, long defaultValue, String doc) {
        return new Hyperparameter<>(name, new ValueType.Long64(Interval.any()), defaultValue, doc);
    }

    /** A boolean switch. */
    public static Hyperparameter<Boolean> flag(String name, boolean defaultValue, String doc) {
        return new Hyperparameter<>(name, new ValueType.Bool(), defaultValue, doc);
    }

    /** One of {@code choices}. */
    public static Hyperparameter<String> choice(String name, String defaultValue, List<String> choices, String doc) {
        return new Hyperparameter<>(name, new ValueType.Choice(choices), defaultValue, doc);
    }

    /** Text that must not be blank. */
    public static Hyperparameter<String> text(String name, String defaultValue, String doc) {
        return new Hyperparameter<>(name, new ValueType.Text(), defaultValue, doc);
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** One line saying what the hyperparameter does. */
    public String doc() {
        return doc;
    }

    /** Returns {@code value} when it obeys the rule; otherwise throws, stating the rule and the value. */
    public T check(T value) {
        LatheException.check(value != null, "%s must not be null", name);
        if (!type.accepts(value)) {
            String shown = value instanceof String ? "'" + value + "'" : type.format(value);
            throw new InvalidParameterException(name + " must be " + type.rule() + ", got " + shown);
        }
        return value;
    }

    /** The value of {@code text}, checked; a malformed or invalid value is an error naming both. */
    public T parse(String text) {
        T value;
        try {
            value = type.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name + " must be " + type.describe() + ", got '" + text + "'", e);
        }
        return check(value);
    }

    /** The value as logged (parses back to the same value). */
    public String format(T value) {
        return type.format(check(value));
    }

    /** {@link #format} of a value of unknown static type, which must be of this hyperparameter's type. */
    public String formatValue(Object value) {
        return format(cast(value));
    }

    /** {@code value} as this hyperparameter's type. */
    public T cast(Object value) {
        LatheException.check(
                type.javaType().isInstance(value),
                "%s must be %s, got %s",
                name,
                type.noun(),
                value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")");
        return type.javaType().cast(value);
    }

    /** Type, rule and default as help shows them: "real in [0, inf), default 1.0". */
    public String summary() {
        return type.describe().replaceFirst("^an? ", "") + ", default " + type.format(defaultValue);
    }

    @Override
    public String toString() {
        return name + " (" + summary() + ")";
    }
}
