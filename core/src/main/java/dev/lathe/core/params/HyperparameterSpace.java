package dev.lathe.core.params;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every hyperparameter a trainer declares, in declaration order, each name once: the one place from
 * which its logged params are written and its command-line or logged text is read back.
 */
public final class HyperparameterSpace {
    private final Map<String, Hyperparameter<?>> byName;

    private HyperparameterSpace(List<Hyperparameter<?>> params) {
        Map<String, Hyperparameter<?>> m = new LinkedHashMap<>();
        for (Hyperparameter<?> p : params) {
            LatheException.check(p != null, "a hyperparameter space must not hold null");
            LatheException.check(m.put(p.name(), p) == null, "hyperparameter '%s' is declared twice", p.name());
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    public static HyperparameterSpace of(Hyperparameter<?>... params) {
        return new HyperparameterSpace(List.of(params));
    }

    /** The declared hyperparameters in declaration order. */
    public List<Hyperparameter<?>> parameters() {
        return List.copyOf(byName.values());
    }

    /** The declared names in declaration order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<Hyperparameter<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether {@code p} is one of this space's declarations (the same declaration, not only its name). */
    public boolean declares(Hyperparameter<?> p) {
        return p != null && byName.get(p.name()) == p;
    }

    /** This space without the given declarations (the lasso is the elastic net without l1_ratio). */
    public HyperparameterSpace without(Hyperparameter<?>... removed) {
        List<Hyperparameter<?>> kept = new ArrayList<>(byName.values());
        for (Hyperparameter<?> r : removed) {
            LatheException.check(declares(r), "hyperparameter '%s' is not in this space %s", r.name(), names());
            kept.remove(r);
        }
        return new HyperparameterSpace(kept);
    }

    /** Every hyperparameter at its default. */
    public HyperparameterValues defaults() {
        return HyperparameterValues.defaults(this);
    }

    /** A builder that must set every declared hyperparameter. */
    public HyperparameterValues.Builder builder() {
        return new HyperparameterValues.Builder(this);
    }

    /**
     * The values written in {@code given} (name to text, as on a command line or in a run's params),
     * defaults for the rest. An undeclared name or an invalid value is an error that starts with
     * {@code owner} (e.g. "trainer ridge") and names the key, the rule and the value.
     */
    public HyperparameterValues parse(Map<String, String> given, String owner) {
        for (String key : given.keySet()) {
            LatheException.check(
                    byName.containsKey(key),
                    "%s has no hyperparameter '%s' (known: %s)",
                    owner,
                    key,
                    new TreeSet<>(byName.keySet()));
        }
        HyperparameterValues values = defaults();
        for (Map.Entry<String, String> e : given.entrySet()) {
            values = set(values, byName.get(e.getKey()), e.getValue(), owner);
        }
        return values;
    }

    private static <T> HyperparameterValues set(
            HyperparameterValues values, Hyperparameter<T> p, String text, String owner) {
        try {
            return values.with(p, p.parse(text));
        } catch (LatheException e) {
            throw LatheException.wrap(owner + ": hyperparameter " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HyperparameterSpace" + names();
    }
}
