package dev.lathe.evaluation.autolog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.HasFeatureImportance;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.testkit.GradientDescentTrainer;
import dev.lathe.testkit.InMemoryTracker;
import dev.lathe.testkit.LinearTestModel;
import dev.lathe.testkit.SyntheticData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AutologTest {
    private static final int ROUNDS = 12;
    private static final double TOLERANCE = 1e-12;

    private final Dataset train = SyntheticData.linear("train", 120, 0.5, 1);
    private final Dataset valid = SyntheticData.linear("valid", 60, 0.5, 2);

    private static double[] errors(Model m, Dataset d) {
        double[] p = m.predict(d.features());
        double[] e = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            e[i] = d.target()[i] - p[i];
        }
        return e;
    }

    @Test
    void logsParamsMetricsStepsModelSchemaAndInputs() {
        InMemoryTracker tracker = new InMemoryTracker();
        ActiveRun run = tracker.startRun(
                RunSpec.builder(tracker.getOrCreateExperiment("autolog")).build());
        LinearTestModel model = new GradientDescentTrainer(0.01, ROUNDS)
                .fit(
                        train,
                        FitContext.builder()
                                .validation(valid)
                                .listener(Autolog.to(run))
                                .build());
        String r = run.runId();
        assertEquals(
                Map.of("learning_rate", "0.01", "rounds", "12"),
                tracker.getRun(r).data().params());
        assertEquals(ROUNDS, tracker.getMetricHistory(r, "validation_rmse").size());
        assertEquals(
                ROUNDS - 1,
                tracker.getMetricHistory(r, "validation_rmse").get(ROUNDS - 1).step());

        double[] e = errors(model, train);
        double ss = 0;
        double abs = 0;
        double mean = 0;
        for (double y : train.target()) {
            mean += y / train.rows();
        }
        double tot = 0;
        for (int i = 0; i < e.length; i++) {
            ss += e[i] * e[i];
            abs += Math.abs(e[i]);
            tot += (train.target()[i] - mean) * (train.target()[i] - mean);
        }
        assertEquals(Math.sqrt(ss / e.length), latest(tracker, r, "training_rmse"), TOLERANCE);
        assertEquals(abs / e.length, latest(tracker, r, "training_mae"), TOLERANCE);
        assertEquals(1 - ss / tot, latest(tracker, r, "training_r2"), TOLERANCE);

        Map<String, byte[]> artifacts = tracker.artifacts(r);
        assertArrayEquals(ModelIO.toBytes(model), artifacts.get(Autolog.MODEL_ARTIFACT));
        assertEquals(
                "[\"x0\",\"x1\",\"x2\"]", new String(artifacts.get(Autolog.SCHEMA_ARTIFACT), StandardCharsets.UTF_8));
        List<DatasetInput> inputs = tracker.getRun(r).inputs().datasets();
        assertEquals(2, inputs.size());
        DatasetInput in = inputs.get(0);
        assertEquals("train", in.context());
        assertEquals(train.digest(), in.digest());
        assertEquals(train.rows(), in.rows());
        assertEquals("eval", inputs.get(1).context());
        assertEquals(valid.digest(), inputs.get(1).digest());
    }

    private static double latest(InMemoryTracker tracker, String runId, String key) {
        List<Metric> pts = tracker.getMetricHistory(runId, key);
        return pts.get(pts.size() - 1).value();
    }

    @Test
    void disabledAutologLogsNothing() {
        InMemoryTracker tracker = new InMemoryTracker();
        ActiveRun run = tracker.startRun(
                RunSpec.builder(tracker.getOrCreateExperiment("off")).build());
        Autolog off = Autolog.builder(run).settings(AutologSettings.disabled()).build();
        new GradientDescentTrainer(0.01, ROUNDS)
                .fit(train, FitContext.builder().validation(valid).listener(off).build());
        Run r = tracker.getRun(run.runId());
        assertTrue(r.data().params().isEmpty()
                && r.data().latestMetrics().isEmpty()
                && tracker.artifacts(run.runId()).isEmpty()
                && r.inputs().datasets().isEmpty());
    }

    @Test
    void skipsKeysLoggedByHand() {
        InMemoryTracker tracker = new InMemoryTracker();
        ActiveRun run = tracker.startRun(
                RunSpec.builder(tracker.getOrCreateExperiment("hand")).build());
        run.logParam("learning_rate", "0.01");
        run.logMetric("training_mae", 123.0, 0);
        Autolog autolog = Autolog.builder(run).tracker(tracker).build();
        GradientDescentTrainer trainer = new GradientDescentTrainer(0.01, ROUNDS);
        trainer.fit(train, FitContext.builder().listener(autolog).build());
        trainer.fit(train, FitContext.builder().listener(autolog).build());
        String r = run.runId();
        assertEquals(2, tracker.paramWrites(r), "learning_rate by hand, rounds once by autolog");
        List<Metric> mae = tracker.getMetricHistory(r, "training_mae");
        assertEquals(1, mae.size());
        assertEquals(123.0, mae.get(0).value());
        assertEquals(0, mae.get(0).step());
        assertEquals(1, tracker.getMetricHistory(r, "training_r2").size(), "a second fit logs nothing twice");
    }

    @Test
    void writesFeatureImportanceWhenTheModelOffersIt() {
        InMemoryTracker tracker = new InMemoryTracker();
        ActiveRun run = tracker.startRun(
                RunSpec.builder(tracker.getOrCreateExperiment("fi")).build());
        new ImportanceTrainer()
                .fit(train, FitContext.builder().listener(Autolog.to(run)).build());
        assertEquals(
                "{\"x0\":2.0,\"x1\":1.0,\"x2\":0.5}",
                new String(tracker.artifacts(run.runId()).get(Autolog.IMPORTANCE_ARTIFACT), StandardCharsets.UTF_8));
    }

    /** Fits the known generating weights and reports |weight| as importance. */
    private static final class ImportanceTrainer implements Trainer<ImportanceModel> {
        @Override
        public String name() {
            return "importance";
        }

        @Override
        public SortedMap<String, String> hyperparameters() {
            return new TreeMap<>();
        }

        @Override
        public ImportanceModel fit(Dataset data, FitContext context) {
            context.listener().fitStarted(this, data, context.validation());
            ImportanceModel m = new ImportanceModel(ModelProvenance.of(name(), hyperparameters(), data, Map.of()));
            context.listener().fitFinished(this, m, java.time.Duration.ZERO);
            return m;
        }
    }

    private record ImportanceModel(ModelProvenance provenance) implements Model, HasFeatureImportance {
        @Override
        public double[] predict(SparseMatrix x) {
            double[] out = new double[x.rows()];
            double[][] d = x.toDense();
            for (int i = 0; i < out.length; i++) {
                out[i] = 3 + 2 * d[i][0] - d[i][1] + 0.5 * d[i][2];
            }
            return out;
        }

        @Override
        public String kind() {
            return "importance-test";
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(1);
        }

        @Override
        public Map<String, Double> featureImportance() {
            return Map.of("x0", 2.0, "x1", 1.0, "x2", 0.5);
        }
    }
}
