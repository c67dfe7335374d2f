package dev.lathe.tuning.space;

import dev.lathe.core.LatheException;
import dev.lathe.core.params.Tunable;
import java.util.List;

/**
 * Search spaces derived from a trainer's declared search ranges ({@link Tunable}s), so that a search
 * explores exactly the hyperparameters the trainer declares, under their declared names and within
 * their rules: log-uniform, uniform or integer distributions for random and TPE search, and the
 * declared grid values for grid search.
 */
public final class TunableSpaces {
    private TunableSpaces() {}

    /** A builder holding one distribution per tunable, in declaration order; add fixed values to it. */
    public static SearchSpace.Builder builder(List<Tunable> tunables) {
        LatheException.check(!tunables.isEmpty(), "there are no declared search ranges to search");
        SearchSpace.Builder b = SearchSpace.builder();
        for (Tunable t : tunables) {
            b.add(t.param().name(), distribution(t));
        }
        return b;
    }

    /** The space random and TPE samplers draw from. */
    public static SearchSpace continuous(List<Tunable> tunables) {
        return builder(tunables).build();
    }

    /** The grid grid search enumerates: the tunables that declare grid values, in declaration order. */
    public static GridSpace grid(List<Tunable> tunables) {
        GridSpace.Builder b = GridSpace.builder();
        tunables.stream()
                .filter(t -> !t.grid().isEmpty())
                .forEach(t -> b.values(t.param().name(), t.grid()));
        return b.build();
    }

    private static Distribution distribution(Tunable t) {
        if (t.integer()) {
            return new IntDistribution((int) t.low(), (int) t.high(), t.log());
        }
        return t.log() ? new LogUniformDistribution(t.low(), t.high()) : new UniformDistribution(t.low(), t.high());
    }
}
