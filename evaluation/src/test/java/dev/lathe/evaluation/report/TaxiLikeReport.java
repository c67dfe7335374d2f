package dev.lathe.evaluation.report;

import dev.lathe.core.Direction;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.evaluation.drift.DriftDetector;
import dev.lathe.evaluation.drift.DriftReport;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.drift.DriftThresholds;
import dev.lathe.evaluation.metrics.SegmentErrors;
import dev.lathe.evaluation.metrics.SegmentOrder;
import dev.lathe.testkit.LeastSquaresTrainer;
import dev.lathe.testkit.LinearTestModel;
import dev.lathe.testkit.SyntheticData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic synthetic report for tests and screenshots: taxi-like trips where duration grows with
 * distance plus a per-zone effect, a least-squares model on distance only, and all optional sections.
 */
final class TaxiLikeReport {
    static final String[] ZONES = {"74", "75", "41", "42", "166", "7", "82", "95", "97", "129", "260", "244"};

    private TaxiLikeReport() {}

    /** Validation trips (distance, zone, duration) drawn with {@code seed}; {@code shift} widens distances. */
    record Trips(double[] distance, String[] zone, double[] duration) {}

    static Trips trips(int n, double shift, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] distance = new double[n];
        String[] zone = new String[n];
        double[] duration = new double[n];
        for (int i = 0; i < n; i++) {
            int z = Math.min(ZONES.length - 1, (int) Math.floor(-Math.log(1 - rng.nextDouble()) * 3.0));
            zone[i] = ZONES[z];
            distance[i] = Math.exp(0.6 + shift + 0.75 * SyntheticData.gaussian(rng));
            double d = 3.0 + 3.6 * distance[i] + z * 0.8 + 4.0 * SyntheticData.gaussian(rng) * Math.sqrt(1 + z * 0.3);
            duration[i] = Math.max(1.0, Math.min(60.0, d));
        }
        return new Trips(distance, zone, duration);
    }

    static Dataset dataset(String name, Trips t) {
        double[][] x = new double[t.distance().length][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = t.distance()[i];
        }
        return new Dataset(name, SparseMatrix.fromDense(x), t.duration(), List.of("trip_distance"));
    }

    static EvaluationReport build(long seed) {
        Trips trainTrips = trips(6000, 0.0, seed);
        Trips validTrips = trips(5000, 0.35, seed + 1);
        Dataset train = dataset("green_synthetic_train", trainTrips);
        Dataset valid = dataset("green_synthetic_valid", validTrips);
        LinearTestModel model = new LeastSquaresTrainer().fit(train);
        double[] pred = model.predict(valid.features());

        Map<String, Double> importances = new LinkedHashMap<>();
        importances.put("trip_distance", 812.4);
        SplittableRandom rng = new SplittableRandom(seed + 2);
        for (int i = 0; i < 30; i++) {
            String pu = ZONES[i % ZONES.length];
            String dof = Integer.toString(100 + 7 * i);
            importances.put("PU_DO=" + pu + "_" + dof, 400.0 * Math.exp(-i / 6.0) * (0.8 + 0.4 * rng.nextDouble()));
        }
        int rounds = 120;
        double[] trainCurve = new double[rounds];
        double[] validCurve = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            trainCurve[r] = 5.2 + 9.0 * Math.exp(-r / 14.0) - 0.004 * r;
            validCurve[r] = 5.9 + 8.6 * Math.exp(-r / 15.0) + 0.00004 * (r - 70) * (r - 70) * (r > 70 ? 1 : 0);
        }
        double[] scores = new double[40];
        for (int t = 0; t < scores.length; t++) {
            scores[t] = 5.75 + 1.5 * Math.exp(-t / 10.0) * rng.nextDouble() + 0.25 * rng.nextDouble();
        }
        DriftReport drift = new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.builder()
                        .numeric("trip_distance", trainTrips.distance(), validTrips.distance())
                        .numeric("duration", trainTrips.duration(), validTrips.duration())
                        .categorical("PULocationID", trainTrips.zone(), validTrips.zone())
                        .build());
        return new ReportBuilder("NYC green taxi trip duration: OLS on trip_distance", valid.target(), pred)
                .targetLabel("trip duration (min)")
                .scatterSample(2000, seed)
                .featureImportances(importances, 15)
                .learningCurve(LearningCurve.builder("rmse")
                        .series("train", trainCurve)
                        .series("valid", validCurve)
                        .bestRound(73)
                        .build())
                .searchHistory(new SearchHistory("validation rmse", Direction.MINIMIZE, scores))
                .segments(
                        "pickup zone",
                        SegmentErrors.compute(valid.target(), pred, validTrips.zone(), SegmentOrder.WORST_RMSE_FIRST))
                .drift(drift)
                .provenance(model.provenance())
                .dataset("train", train)
                .dataset("valid", valid)
                .build();
    }
}
