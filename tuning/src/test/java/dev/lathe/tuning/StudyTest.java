package dev.lathe.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.Fold;
import dev.lathe.core.data.KFold;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.testkit.GradientDescentTrainer;
import dev.lathe.testkit.InMemoryTracker;
import dev.lathe.testkit.LeastSquaresTrainer;
import dev.lathe.testkit.LinearTestModel;
import dev.lathe.testkit.SyntheticData;
import dev.lathe.tuning.pruning.MedianPruner;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.sampler.TpeSettings;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.tracking.SearchTracking;
import dev.lathe.tuning.tracking.TrialTags;
import dev.lathe.tuning.trial.ParamSet;
import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class StudyTest {
    private static final int TRIALS = 24;
    private static final int ROUNDS = 30;
    private static final long SEED = 42;
    private static final double TOLERANCE = 1e-12;

    private final Dataset train = SyntheticData.linear("train", 150, 0.5, 1);
    private final Dataset valid = SyntheticData.linear("valid", 80, 0.5, 2);
    private final SearchSpace space = SearchSpace.builder()
            .logUniform("lr", 1e-4, 0.02)
            .intRange("rounds", 5, ROUNDS)
            .choice("fail", List.of("no", "no ", "yes"))
            .build();

    private TrainerObjective objective(Dataset refit) {
        TrainerObjective.Builder b = TrainerObjective.builder(
                        p -> new GradientDescentTrainer(
                                p.getDouble("lr"),
                                p.getInt("rounds"),
                                p.getString("fail").equals("yes") ? "diverged at lr=" + p.getDouble("lr") : null),
                        train,
                        ScoreMetric.of("rmse"))
                .validation(valid);
        if (refit != null) {
            b.refitOn(refit);
        }
        return b.build();
    }

    private Study.Builder study(int threads, TrialObjective objective) {
        return Study.builder(
                        space,
                        new TpeSampler(TpeSettings.defaults().withStartupTrials(8)),
                        objective,
                        SearchSettings.builder(TRIALS, SEED)
                                .threads(threads)
                                .batchSize(4)
                                .score(ScoreMetric.of("rmse"))
                                .build())
                .pruner(new MedianPruner(4, 3));
    }

    @Test
    void sameSeedGivesIdenticalTrialsAtOneAndFourThreads() {
        SearchResult one = study(1, objective(null)).build().run();
        SearchResult four = study(4, objective(null)).build().run();
        assertEquals(TRIALS, one.trials().size());
        for (int i = 0; i < TRIALS; i++) {
            assertTrue(
                    one.trials().get(i).sameOutcome(four.trials().get(i)),
                    one.trials().get(i) + " vs " + four.trials().get(i));
        }
        assertTrue(one.count(TrialState.FAILED) > 0, "some trials draw fail=yes");
        assertTrue(one.count(TrialState.COMPLETE) > 0);
    }

    @Test
    void trackerHoldsParentChildStructureParamsMetricsAndFailures() {
        InMemoryTracker tracker = new InMemoryTracker();
        SearchResult result = study(2, objective(train))
                .tracking(new SearchTracking(tracker, "search-test", "tpe-search"))
                .build()
                .run();
        String parentId = result.parentRunId().orElseThrow();
        Run parent = tracker.getRun(parentId);
        assertEquals(RunStatus.FINISHED, parent.info().status());
        assertEquals("tpe", parent.data().params().get("search.sampler"));
        List<Run> children = tracker.childRuns(parentId);
        assertEquals(TRIALS, children.size());
        for (Trial t : result.trials()) {
            Run child = children.stream()
                    .filter(c -> c.data().params().get(TrialTags.NUMBER).equals(Integer.toString(t.number())))
                    .findFirst()
                    .orElseThrow();
            Map<String, String> params = child.data().params();
            Map<String, String> tags = child.data().tags();
            assertEquals(t.params().formatted().get("lr"), params.get("lr"));
            assertTrue(params.get("rounds").matches("\\d+"), "integer logged as integer");
            assertTrue(child.data().latestMetrics().containsKey(TrialTags.DURATION));
            assertEquals(Boolean.toString(t.state() == TrialState.PRUNED), tags.get(TrialTags.PRUNED));
            if (t.state() == TrialState.FAILED) {
                assertEquals(RunStatus.FAILED, child.info().status());
                assertTrue(tags.get(TrialTags.ERROR).contains("diverged at lr="), tags.toString());
                String trace = new String(
                        tracker.artifacts(child.info().runId()).get(TrialTags.STACK_TRACE_ARTIFACT),
                        StandardCharsets.UTF_8);
                assertTrue(trace.contains("diverged at lr=") && trace.contains("\tat dev.lathe."), trace);
            } else {
                assertEquals(RunStatus.FINISHED, child.info().status());
                List<Metric> score = tracker.getMetricHistory(child.info().runId(), "rmse");
                assertEquals(t.value(), score.get(score.size() - 1).value(), 0.0);
                assertEquals(
                        t.intermediateValues().size(),
                        tracker.getMetricHistory(child.info().runId(), "validation_rmse")
                                .size());
            }
        }
        Trial best = result.best();
        assertEquals(best.params().formatted().get("lr"), parent.data().params().get("best_lr"));
        assertEquals(
                best.params().formatted().get("rounds"), parent.data().params().get("best_rounds"));
        assertEquals(
                best.value(),
                tracker.getMetricHistory(parentId, "best_rmse").get(0).value(),
                0.0);
        Map<String, byte[]> artifacts = tracker.artifacts(parentId);
        String csv = new String(artifacts.get("trials.csv"), StandardCharsets.UTF_8);
        assertEquals(result.toCsv(), csv);
        assertEquals(TRIALS + 1, csv.split("\n").length);
        Model refit = result.bestModel().orElseThrow();
        assertArrayEquals(ModelIO.toBytes(refit), artifacts.get("best_model/model.lathe"));
        Table table = result.table();
        assertEquals(TRIALS, table.rowCount());
        assertEquals(best.value(), table.doubleColumn("value").get(best.number()), 0.0);
    }

    @Test
    void resumeAfterCrashEndsWithTheUninterruptedTrialSet() {
        SearchResult reference = study(2, objective(null)).build().run();
        InMemoryTracker tracker = new InMemoryTracker();
        SearchTracking tracking = new SearchTracking(tracker, "resume-test", "resumable");
        AtomicInteger calls = new AtomicInteger();
        TrainerObjective real = objective(null);
        TrialObjective crashing = new TrialObjective() {
            @Override
            public double evaluate(TrialContext trial) {
                if (calls.incrementAndGet() > 10) {
                    throw new SimulatedCrash();
                }
                return real.evaluate(trial);
            }

            @Override
            public String intermediateKey() {
                return real.intermediateKey();
            }
        };
        assertThrows(
                SimulatedCrash.class,
                () -> study(1, crashing).tracking(tracking).build().run());
        String parentId = tracker.runs().get(0).info().runId();
        long running = tracker.childRuns(parentId).stream()
                .filter(c -> c.info().status() == RunStatus.RUNNING)
                .count();
        assertEquals(1, running, "the crashed trial is left RUNNING");

        SearchResult resumed = study(2, real).tracking(tracking).build().resume(parentId);
        assertEquals(parentId, resumed.parentRunId().orElseThrow());
        assertEquals(TRIALS, resumed.trials().size());
        for (int i = 0; i < TRIALS; i++) {
            assertTrue(
                    reference.trials().get(i).sameOutcome(resumed.trials().get(i)),
                    reference.trials().get(i) + " vs " + resumed.trials().get(i));
        }
        List<Run> children = tracker.childRuns(parentId);
        assertEquals(TRIALS + 1, children.size(), "one killed run plus one run per trial");
        assertEquals(
                1,
                children.stream()
                        .filter(c -> c.info().status() == RunStatus.KILLED)
                        .count());
        assertEquals(RunStatus.FINISHED, tracker.getRun(parentId).info().status());
    }

    @Test
    void crossValidationObjectiveScoresTheMeanFoldMetric() {
        KFold kFold = KFold.shuffled(4, SEED);
        TrainerObjective cv = TrainerObjective.builder(p -> new LeastSquaresTrainer(), train, ScoreMetric.of("mae"))
                .crossValidation(kFold)
                .build();
        SearchResult result = Study.builder(
                        SearchSpace.builder().fixed("model", "ols").build(),
                        new dev.lathe.tuning.sampler.RandomSampler(),
                        cv,
                        SearchSettings.builder(1, SEED).build())
                .build()
                .run();
        double expected = 0;
        for (Fold fold : kFold.split(train.rows())) {
            LinearTestModel m = new LeastSquaresTrainer().fit(train.selectRows("tr", fold.trainRows()));
            Dataset test = train.selectRows("te", fold.testRows());
            double[] pred = m.predict(test.features());
            double abs = 0;
            for (int i = 0; i < pred.length; i++) {
                abs += Math.abs(pred[i] - test.target()[i]);
            }
            expected += abs / pred.length / 4;
        }
        assertEquals(expected, result.bestScore(), TOLERANCE);
    }

    @Test
    void validationObjectiveScoresTheFittedModel() {
        TrainerObjective o = TrainerObjective.builder(
                        p -> new GradientDescentTrainer(0.01, 20), train, ScoreMetric.of("rmse"))
                .validation(valid)
                .build();
        SearchResult result = Study.builder(
                        SearchSpace.builder().fixed("x", 1).build(),
                        new dev.lathe.tuning.sampler.RandomSampler(),
                        o,
                        SearchSettings.builder(1, SEED).build())
                .build()
                .run();
        LinearTestModel m = new GradientDescentTrainer(0.01, 20).fit(train);
        assertEquals(GradientDescentTrainer.rmse(m, valid), result.bestScore(), TOLERANCE);
    }

    @Test
    void keptBestModelIsTheBestTrialsFittedModel() {
        TrainerObjective keep = TrainerObjective.builder(
                        p -> new GradientDescentTrainer(p.getDouble("lr"), p.getInt("rounds")),
                        train,
                        ScoreMetric.of("rmse"))
                .validation(valid)
                .keepBestModel()
                .build();
        SearchResult result = Study.builder(
                        space,
                        new TpeSampler(TpeSettings.defaults().withStartupTrials(4)),
                        keep,
                        SearchSettings.builder(12, SEED).threads(3).batchSize(3).build())
                .build()
                .run();
        ParamSet best = result.bestParams();
        LinearTestModel expected = new GradientDescentTrainer(best.getDouble("lr"), best.getInt("rounds")).fit(train);
        assertArrayEquals(
                expected.predict(valid.features()),
                result.bestModel().orElseThrow().predict(valid.features()),
                TOLERANCE);
        assertEquals(GradientDescentTrainer.rmse(expected, valid), result.bestScore(), TOLERANCE);
    }

    /** Stands in for the process dying mid-trial (not a RuntimeException, so not a trial failure). */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }
}
