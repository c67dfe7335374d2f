package dev.lathe.examples.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.KFold;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.evaluation.autolog.Autolog;
import dev.lathe.evaluation.autolog.AutologSettings;
import dev.lathe.tlc.TlcRecipes;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.tuning.ScoreMetric;
import dev.lathe.tuning.SearchResult;
import dev.lathe.tuning.SearchSettings;
import dev.lathe.tuning.Study;
import dev.lathe.tuning.TrainerObjective;
import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.tracking.TrialTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search whose objective autologs its trials: every trial's child run gets what mlflow.autolog logs
 * (trainer hyperparameters, one validation point per round and no more, training metrics, the model,
 * feature importance) next to the search's own params, score and state, and ends with the trial.
 */
class AutologTrialsTest {
    private static final int ROUNDS = 8;
    private static final int TRIALS = 3;

    private static Path data(String month) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("data/tlc"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data/tlc/green_tripdata_" + month + ".parquet");
    }

    private static XGBoostTrainer trainer(int depth, double lr) {
        return new XGBoostTrainer(XGBoostParams.builder(ROUNDS)
                .maxDepth(depth)
                .learningRate(lr)
                .nthread(1)
                .seed(3)
                .build());
    }

    @Test
    void everyTrialRunHoldsTheAutologOfItsFit(@TempDir Path tmp) {
        TrainValid data = TrainValid.load(data("2023-01"), data("2023-02"), TlcRecipes.course());
        SearchSpace space = SearchSpace.builder()
                .intRange("max_depth", 3, 6)
                .logUniform("learning_rate", 0.1, 0.5)
                .build();
        TrainerObjective objective = TrainerObjective.builder(
                        p -> trainer(p.getInt("max_depth"), p.getDouble("learning_rate")),
                        data.train(),
                        ScoreMetric.of("rmse"))
                .validation(data.valid())
                .autologTrials(AutologSettings.defaults())
                .build();
        try (SqliteTrackingStore store = SqliteTrackingStore.open(tmp)) {
            SearchResult result = Study.builder(
                            space,
                            new RandomSampler(),
                            objective,
                            SearchSettings.builder(TRIALS, 5).build())
                    .tracking(new SearchTracking(store, "autolog-trials", "search"))
                    .build()
                    .run();
            List<Run> children = store.childRuns(result.parentRunId().orElseThrow());
            assertEquals(TRIALS, children.size());
            for (Run child : children) {
                int number = Integer.parseInt(child.data().params().get(TrialTags.NUMBER));
                assertEquals("trial-" + number, child.info().runName());
                assertEquals(RunStatus.FINISHED, child.info().status());
                assertEquals("false", child.data().tags().get(TrialTags.PRUNED));
                // the search's params, and the trainer's hyperparameters from autolog
                var trialParams = result.trials().get(number).params().formatted();
                assertEquals(trialParams.get("max_depth"), child.data().params().get("max_depth"));
                assertEquals(
                        trialParams.get("learning_rate"), child.data().params().get("learning_rate"));
                assertEquals("256", child.data().params().get("max_bin"), "autologged hyperparameter");
                assertEquals(
                        ROUNDS,
                        store.getMetricHistory(child.info().runId(), "validation_rmse")
                                .size(),
                        "one point per round: the recorder leaves the steps to autolog");
                assertTrue(
                        child.data().latestMetrics().containsKey("training_mae"),
                        child.data().latestMetrics().toString());
                double score = result.trials().get(number).value();
                assertEquals(score, child.data().latestMetrics().get("score").value(), 1e-12);
                Model model = ModelIO.fromBytes(store.readArtifact(child.info().runId(), Autolog.MODEL_ARTIFACT));
                Model refit = trainer(
                                Integer.parseInt(child.data().params().get("max_depth")),
                                Double.parseDouble(child.data().params().get("learning_rate")))
                        .fit(
                                data.train(),
                                dev.lathe.core.model.FitContext.builder()
                                        .validation(data.valid())
                                        .build());
                assertArrayEquals(
                        refit.predict(data.valid().features()),
                        model.predict(data.valid().features()),
                        0.0);
                assertTrue(store.readArtifact(child.info().runId(), Autolog.IMPORTANCE_ARTIFACT).length > 2);
            }
        }
    }

    @Test
    void autologNeedsAValidationSet() {
        TrainValid data = TrainValid.load(data("2023-01"), data("2023-02"), TlcRecipes.course());
        TrainerObjective.Builder b = TrainerObjective.builder(
                        p -> trainer(3, 0.3), data.train(), ScoreMetric.of("rmse"))
                .crossValidation(KFold.shuffled(3, 1))
                .autologTrials(AutologSettings.defaults());
        LatheException e = assertThrows(LatheException.class, b::build);
        assertTrue(e.getMessage().contains("validation set"), e.getMessage());
    }
}
