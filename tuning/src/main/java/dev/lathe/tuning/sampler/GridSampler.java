package dev.lathe.tuning.sampler;

import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.tuning.space.GridSpace;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.Trial;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/** Trial {@code n} gets grid point {@code n} in the grid's enumeration order (last parameter fastest). */
public final class GridSampler implements Sampler {
    private final GridSpace grid;

    public GridSampler(GridSpace grid) {
        LatheException.check(grid != null, "grid sampler needs a grid");
        this.grid = grid;
    }

    /** The search space matching this grid (categorical choices), to build a study with. */
    public SearchSpace space() {
        return grid.asSearchSpace();
    }

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public Map<String, Object> sample(
            SearchSpace space, int trialNumber, List<Trial> history, Direction direction, RandomGenerator rng) {
        return grid.point(trialNumber);
    }

    @Override
    public OptionalInt maxTrials() {
        return OptionalInt.of(grid.size());
    }
}
