package dev.lathe.cli;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.model.TrainerSpec;
import dev.lathe.trainers.TrainerCatalog;
import dev.lathe.tuning.space.GridSpace;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.space.TunableSpaces;
import java.util.List;
import java.util.Locale;

/**
 * The hyperparameter spaces {@code lathe search} explores per trainer, derived from the trainer's
 * declared search ranges: continuous ranges for random and TPE sampling, the declared grid values for
 * grid search. Names are the trainer's declared ones, so a trial's values build its trainer directly.
 */
public final class SearchSpaces {
    private SearchSpaces() {}

    /** The space random and TPE samplers draw from. */
    public static SearchSpace continuous(String trainer) {
        return TunableSpaces.continuous(searchable(trainer).search());
    }

    /** The grid that grid search enumerates (last parameter varying fastest). */
    public static GridSpace grid(String trainer) {
        return TunableSpaces.grid(searchable(trainer).search());
    }

    /** The trainer called {@code trainer}, which must declare search ranges. */
    public static TrainerSpec searchable(String trainer) {
        String name = trainer.toLowerCase(Locale.ROOT);
        TrainerSpec spec = TrainerCatalog.find(name).orElse(null);
        if (spec == null || spec.search().isEmpty()) {
            List<String> searchable = TrainerCatalog.all().stream()
                    .filter(s -> !s.search().isEmpty())
                    .map(TrainerSpec::name)
                    .toList();
            List<String> fixed = TrainerCatalog.all().stream()
                    .filter(s -> s.search().isEmpty())
                    .map(TrainerSpec::name)
                    .toList();
            throw new InvalidParameterException("search supports --trainer " + String.join(", ", searchable) + " ("
                    + String.join(", ", fixed) + " has no hyperparameters to search), got '" + trainer + "'");
        }
        return spec;
    }
}
