package dev.lathe.core.model;

import dev.lathe.core.LatheException;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.HyperparameterSpace;
import dev.lathe.core.params.HyperparameterValues;
import dev.lathe.core.params.Tunable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A named way to build a trainer from its declared hyperparameters: the name the command line, the
 * logged params and the provenance all use, one line of doc, the {@link HyperparameterSpace}, the
 * default search ranges, and which hyperparameters carry the seed and the thread count (so that a
 * caller's {@code --seed} and {@code --threads} reach the trainer under its own names).
 */
public final class TrainerSpec {
    private final String name;
    private final String doc;
    private final HyperparameterSpace space;
    private final Function<HyperparameterValues, Trainer<? extends Model>> factory;
    private final List<Tunable> search;
    private final Hyperparameter<Long> seed;
    private final Hyperparameter<Integer> threads;

    private TrainerSpec(Builder b) {
        LatheException.check(b.name != null && !b.name.isBlank(), "a trainer spec needs a name");
        LatheException.check(b.doc != null && !b.doc.isBlank(), "trainer spec %s needs one line of doc", b.name);
        LatheException.check(
                b.space != null && b.factory != null, "trainer spec %s needs a space and a factory", b.name);
        for (Tunable t : b.search) {
            LatheException.check(
                    b.space.declares(t.param()),
                    "trainer %s searches '%s', which it does not declare (declared: %s)",
                    b.name,
                    t.param().name(),
                    b.space.names());
        }
        checkDeclared(b, b.seed);
        checkDeclared(b, b.threads);
        this.name = b.name;
        this.doc = b.doc;
        this.space = b.space;
        this.factory = b.factory;
        this.search = List.copyOf(b.search);
        this.seed = b.seed;
        this.threads = b.threads;
    }

    private static void checkDeclared(Builder b, Hyperparameter<?> p) {
        LatheException.check(
                p == null || b.space.declares(p),
                "trainer %s names '%s' as its seed or thread count, which it does not declare",
                b.name,
                p == null ? null : p.name());
    }

    /**
     * @param name the trainer's name everywhere (command line, logged params, provenance)
     * @param doc one line saying what the trainer fits
     * @param space its declared hyperparameters
     * @param factory builds the trainer from values of {@code space}
     */
    public static Builder builder(
            String name,
            String doc,
            HyperparameterSpace space,
            Function<HyperparameterValues, Trainer<? extends Model>> factory) {
        return new Builder(name, doc, space, factory);
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public HyperparameterSpace space() {
        return space;
    }

    /** The default search ranges, in the order samplers draw them; empty when there is nothing to tune. */
    public List<Tunable> search() {
        return search;
    }

    /** The hyperparameter that seeds the fit, if the fit is random. */
    public Optional<Hyperparameter<Long>> seed() {
        return Optional.ofNullable(seed);
    }

    /** The hyperparameter that sets the fit's thread count, if the fit is multi-threaded. */
    public Optional<Hyperparameter<Integer>> threads() {
        return Optional.ofNullable(threads);
    }

    /** The values written in {@code given} (name to text), defaults for the rest; errors name this trainer. */
    public HyperparameterValues values(Map<String, String> given) {
        return space.parse(given, "trainer " + name);
    }

    /** Only the entries of {@code params} (a run's logged params, say) that this trainer declares. */
    public Map<String, String> declaredIn(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : space.names()) {
            if (params.containsKey(n)) {
                out.put(n, params.get(n));
            }
        }
        return out;
    }

    /** The trainer for {@code values}, which must belong to this trainer's space. */
    public Trainer<? extends Model> build(HyperparameterValues values) {
        LatheException.check(values.space() == space, "values of %s cannot build trainer %s", values.space(), name);
        return factory.apply(values);
    }

    /** {@link #build(HyperparameterValues)} of {@link #values(Map)}. */
    public Trainer<? extends Model> build(Map<String, String> given) {
        return build(values(given));
    }

    @Override
    public String toString() {
        return "TrainerSpec[" + name + " " + space.names() + "]";
    }

    /** Builder for a {@link TrainerSpec}. */
    public static final class Builder {
        private final String name;
        private final String doc;
        private final HyperparameterSpace space;
        private final Function<HyperparameterValues, Trainer<? extends Model>> factory;
        private final List<Tunable> search = new ArrayList<>();
        private Hyperparameter<Long> seed;
        private Hyperparameter<Integer> threads;

        private Builder(
                String name,
                String doc,
                HyperparameterSpace space,
                Function<HyperparameterValues, Trainer<? extends Model>> factory) {
            this.name = name;
            this.doc = doc;
            this.space = space;
            this.factory = factory;
        }

        /** Adds default search ranges (in sampling order). */
        public Builder search(Tunable... tunables) {
            search.addAll(List.of(tunables));
            return this;
        }

        public Builder seed(Hyperparameter<Long> p) {
            seed = p;
            return this;
        }

        public Builder threads(Hyperparameter<Integer> p) {
            threads = p;
            return this;
        }

        public TrainerSpec build() {
            return new TrainerSpec(this);
        }
    }
}
