package dev.lathe.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.KFold;
import dev.lathe.core.features.DictVectorizer;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.evaluation.cv.CrossValidationResult;
import dev.lathe.evaluation.cv.CrossValidator;
import dev.lathe.evaluation.drift.DriftDetector;
import dev.lathe.evaluation.drift.DriftReport;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.drift.DriftThresholds;
import dev.lathe.evaluation.metrics.RegressionEvaluation;
import dev.lathe.evaluation.metrics.RegressionEvaluator;
import dev.lathe.evaluation.metrics.SegmentError;
import dev.lathe.evaluation.metrics.SegmentErrors;
import dev.lathe.evaluation.metrics.SegmentOrder;
import dev.lathe.testkit.ColumnOlsTrainer;
import dev.lathe.testkit.LinearTestModel;
import dev.lathe.testkit.OneHotMeanTrainer;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation pipeline on the real NYC green-taxi months (2023-01 train, 2023-02 valid) with a
 * distance-only least-squares line (metrics cross-checked with commons-math3) and a pickup/dropoff
 * target-mean baseline, 5-fold CV, drift,
 * per-pickup-zone errors and the full report written to target/report-real for screenshots.
 */
class RealTaxiDataTest {
    private static final double TOL = 1e-9;
    private static final long SEED = 2023L;
    private static Dataset train;
    private static Dataset valid;
    private static String[] trainZones;
    private static String[] validZones;

    @BeforeAll
    static void load() {
        // as TrainValid.load, keeping the prepared trips for the raw PU_DO value of every row
        Recipe recipe = TlcRecipes.course();
        Path trainFile = Path.of("../data/tlc/green_tripdata_2023-01.parquet");
        Path validFile = Path.of("../data/tlc/green_tripdata_2023-02.parquet");
        PreparedTable trainTrips = TrainValid.prepare(recipe, trainFile);
        PreparedTable validTrips = TrainValid.prepare(recipe, validFile);
        DictVectorizer encoder = DictVectorizer.fit(trainTrips.features());
        train = TrainValid.toDataset(trainFile, trainTrips, encoder);
        valid = TrainValid.toDataset(validFile, validTrips, encoder);
        trainZones = pickupZones(trainTrips);
        validZones = pickupZones(validTrips);
    }

    /** The pickup zone of each trip: the PU part of its "PU_DO" value ("74_75" -> "74"). */
    static String[] pickupZones(PreparedTable trips) {
        String[] puDo = trips.features().categorical().get(TlcRecipes.PU_DO);
        String[] zones = new String[puDo.length];
        for (int i = 0; i < puDo.length; i++) {
            zones[i] = puDo[i].substring(0, puDo[i].indexOf('_'));
        }
        return zones;
    }

    @Test
    void distanceBaselineMetricsMatchCommonsMathRegression() {
        assertEquals(65946, train.rows());
        assertEquals(62574, valid.rows());
        LinearTestModel model = new ColumnOlsTrainer("trip_distance").fit(train);
        RegressionEvaluation e = new RegressionEvaluator().evaluate(model, valid);

        SimpleRegression reference = new SimpleRegression();
        double[] xTrain = ColumnOlsTrainer.columnValues(train, "trip_distance");
        for (int i = 0; i < xTrain.length; i++) {
            reference.addData(xTrain[i], train.target()[i]);
        }
        double[] xValid = ColumnOlsTrainer.columnValues(valid, "trip_distance");
        double sse = 0;
        for (int i = 0; i < xValid.length; i++) {
            double err = valid.target()[i] - reference.predict(xValid[i]);
            sse += err * err;
        }
        assertEquals(Math.sqrt(sse / xValid.length), e.rootMeanSquaredError(), TOL);
        assertEquals(62574, e.exampleCount());
        // trip_distance has extreme outliers in these months, so a distance-only line explains almost nothing
        assertTrue(e.r2Score() < 0.05, "r2 " + e.r2Score());
    }

    @Test
    void crossValidationOnRealDataIsThreadIndependent() {
        OneHotMeanTrainer trainer = new OneHotMeanTrainer("PU_DO=");
        CrossValidationResult one = new CrossValidator(KFold.shuffled(5, SEED), 1).run(trainer, train);
        CrossValidationResult two = new CrossValidator(KFold.shuffled(5, SEED), 2).run(trainer, train);
        assertEquals(one, two);
        assertEquals(5, one.folds().size());
        assertEquals(65946, one.folds().stream().mapToInt(f -> f.testRows()).sum());
        assertTrue(one.std().get("root_mean_squared_error") < 0.1 * one.mean().get("root_mean_squared_error"));
    }

    @Test
    void writesRealDataReport() {
        LinearTestModel model = new OneHotMeanTrainer("PU_DO=").fit(train);
        double[] pred = model.predict(valid.features());
        RegressionEvaluation e = new RegressionEvaluator().evaluate(valid.target(), pred);
        assertTrue(e.r2Score() > 0.1, "group-mean baseline should explain some variance, r2 " + e.r2Score());
        List<SegmentError> segments =
                SegmentErrors.compute(valid.target(), pred, validZones, SegmentOrder.LARGEST_FIRST, 30);
        DriftReport drift = new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.builder()
                        .numeric(
                                "trip_distance",
                                ColumnOlsTrainer.columnValues(train, "trip_distance"),
                                ColumnOlsTrainer.columnValues(valid, "trip_distance"))
                        .numeric("duration", train.target(), valid.target())
                        .categorical("PULocationID", trainZones, validZones)
                        .build());
        EvaluationReport report = new ReportBuilder(
                        "Green taxi 2023-02: PU_DO target-mean baseline", valid.target(), pred)
                .targetLabel("trip duration (min)")
                .scatterSample(2000, SEED)
                .segments("pickup zone", segments)
                .drift(drift)
                .provenance(model.provenance())
                .dataset("train", train)
                .dataset("valid", valid)
                .build();
        assertEquals(62574, report.residualSample().population());
        assertTrue(drift.features().get(0).psi() >= 0);
        ReportArtifacts.write(report, Path.of("target", "report-real"));
    }
}
