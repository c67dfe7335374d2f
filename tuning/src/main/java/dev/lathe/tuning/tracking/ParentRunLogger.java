package dev.lathe.tuning.tracking;

import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.tuning.trial.Trial;
import java.util.List;
import java.util.Optional;

/**
 * What a tracked search adds to its parent run when it ends, after the best params, the best score
 * and the trials table and before the run is ended: by default the best model's file, or a whole run
 * convention (the fitted pipeline, metrics and report) when the caller has one.
 */
@FunctionalInterface
public interface ParentRunLogger {
    /** Artifact path of the best model when only the model (not a pipeline) is known. */
    String BEST_MODEL_ARTIFACT = "best_model/model.lathe";

    void log(ActiveRun parent, List<Trial> trials, Optional<Trial> best, Optional<Model> bestModel);

    /** Logs the best model, when there is one, at {@link #BEST_MODEL_ARTIFACT}. */
    static ParentRunLogger bestModelFile() {
        return (parent, trials, best, bestModel) ->
                bestModel.ifPresent(m -> parent.logArtifact(BEST_MODEL_ARTIFACT, ModelIO.toBytes(m)));
    }
}
