package dev.lathe.tuning;

import dev.lathe.core.Direction;
import dev.lathe.core.InvalidStateException;
import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The outcome of a search: every trial in number order (immutable), the best completed trial, its
 * params and score, the best model refit when requested, and the tracking parent run when tracked.
 */
public final class SearchResult {
    private final List<Trial> trials;
    private final Direction direction;
    private final String scoreName;
    private final Model bestModel;
    private final String parentRunId;

    public SearchResult(
            List<Trial> trials, Direction direction, String scoreName, Model bestModel, String parentRunId) {
        LatheException.check(trials != null && !trials.isEmpty(), "a search result needs at least one trial");
        this.trials = List.copyOf(trials);
        this.direction = direction;
        this.scoreName = scoreName;
        this.bestModel = bestModel;
        this.parentRunId = parentRunId;
    }

    public List<Trial> trials() {
        return trials;
    }

    public Direction direction() {
        return direction;
    }

    public String scoreName() {
        return scoreName;
    }

    /** The completed trial with the best score (the lowest number among ties). */
    public Trial best() {
        return bestOf(trials, direction)
                .orElseThrow(() -> new InvalidStateException("no trial completed among " + trials.size() + " (states: "
                        + trials.stream().map(t -> t.state().name()).toList() + ")"));
    }

    static Optional<Trial> bestOf(List<Trial> trials, Direction direction) {
        Trial best = null;
        for (Trial t : trials) {
            if (t.state() == TrialState.COMPLETE && (best == null || direction.better(t.value(), best.value()))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    public ParamSet bestParams() {
        return best().params();
    }

    public double bestScore() {
        return best().value();
    }

    public Optional<Model> bestModel() {
        return Optional.ofNullable(bestModel);
    }

    public Optional<String> parentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }

    public Table table() {
        return TrialTable.table(trials);
    }

    public String toCsv() {
        return TrialTable.csv(trials);
    }
}
