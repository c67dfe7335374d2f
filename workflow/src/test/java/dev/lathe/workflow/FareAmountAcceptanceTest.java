package dev.lathe.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.model.Model;
import dev.lathe.core.pipeline.FittedPipeline;
import dev.lathe.core.recipe.Recipe;
import dev.lathe.core.recipe.RowFilter;
import dev.lathe.trainers.linear.RidgeParams;
import dev.lathe.trainers.linear.RidgeTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * Section 5's acceptance on real data: the fare of green-taxi trips (2023-01 train, 2023-02 valid) from
 * categorical pickup and dropoff zones and numeric trip distance, through the generic recipe path (no
 * duration recipe), checked against an independent computation: the CSV exports parsed by hand, the
 * filters applied by hand, and ridge's normal equations with an unpenalised intercept solved densely by
 * commons-math3's Cholesky decomposition.
 */
class FareAmountAcceptanceTest {
    private static final double ALPHA = 1.0;

    @Test
    void fareFromZonesAndDistanceMatchesADenseRidgeSolve() throws IOException {
        Recipe recipe = Recipe.builder("fare_amount")
                .name("green-fare")
                .categorical("PULocationID", "DOLocationID")
                .numerical("trip_distance")
                .filter(RowFilter.parse("fare_amount > 0"))
                .filter(RowFilter.parse("trip_distance between 0 and 100"))
                .build();
        TrainingData data = TrainingData.load(file("2023-01.parquet"), file("2023-02.parquet"), recipe);
        Model model = new RidgeTrainer(RidgeParams.of(ALPHA)).fit(data.data().train());
        FittedPipeline pipeline = data.pipeline(model);

        Trips train = Trips.read(file("2023-01.csv.gz"));
        Trips valid = Trips.read(file("2023-02.csv.gz"));
        assertEquals(train.removed, data.data().trainReport().removedBy());
        assertEquals(valid.removed, data.data().validReport().removedBy());
        assertEquals(train.fare.size(), data.data().train().rows());
        assertEquals(valid.fare.size(), data.data().valid().rows());

        DenseRidge independent = DenseRidge.fit(train, ALPHA);
        double[] expected = independent.predict(valid);
        double[] actual = model.predict(data.data().valid().features());
        assertArrayEquals(expected, actual, 1e-6);
        double rmse = rmse(actual, valid.fare);
        assertEquals(rmse(expected, valid.fare), rmse, 1e-9);
        System.out.printf("fare_amount ridge(alpha=1) validation RMSE %.6f on %d trips%n", rmse, actual.length);

        double trip = pipeline.predict(Map.of("PULocationID", 166L, "DOLocationID", 143L, "trip_distance", 2.58));
        assertEquals(independent.predict("166", "143", 2.58), trip, 1e-6);
    }

    private static double rmse(double[] predicted, List<Double> actual) {
        double s = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - actual.get(i);
            s += d * d;
        }
        return Math.sqrt(s / predicted.length);
    }

    private static Path file(String suffix) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("data/tlc"))) {
            dir = dir.getParent();
        }
        return dir.resolve("data/tlc/green_tripdata_" + suffix);
    }

    /** The kept trips of a TLC CSV export, read line by line with the recipe's filters applied by hand. */
    private static final class Trips {
        final List<String> pu = new ArrayList<>();
        final List<String> dropoff = new ArrayList<>();
        final List<Double> distance = new ArrayList<>();
        final List<Double> fare = new ArrayList<>();
        final Map<String, Long> removed = new java.util.LinkedHashMap<>();

        static Trips read(Path csvGz) throws IOException {
            Trips t = new Trips();
            t.removed.put("not fare_amount > 0", 0L);
            t.removed.put("not trip_distance between 0 and 100", 0L);
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(Files.newInputStream(csvGz)), StandardCharsets.UTF_8))) {
                List<String> header = Arrays.asList(in.readLine().split(","));
                int puCol = header.indexOf("PULocationID");
                int doCol = header.indexOf("DOLocationID");
                int distCol = header.indexOf("trip_distance");
                int fareCol = header.indexOf("fare_amount");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",", -1);
                    double fare = f[fareCol].isEmpty() ? Double.NaN : Double.parseDouble(f[fareCol]);
                    double dist = f[distCol].isEmpty() ? Double.NaN : Double.parseDouble(f[distCol]);
                    if (!(fare > 0)) {
                        t.removed.merge("not fare_amount > 0", 1L, Long::sum);
                    } else if (!(dist >= 0 && dist <= 100)) {
                        t.removed.merge("not trip_distance between 0 and 100", 1L, Long::sum);
                    } else {
                        t.pu.add(f[puCol]);
                        t.dropoff.add(f[doCol]);
                        t.distance.add(dist);
                        t.fare.add(fare);
                    }
                }
            }
            return t;
        }
    }

    /** Ridge with an unpenalised intercept from its dense normal equations: [1, one-hot PU, one-hot DO, distance]. */
    private record DenseRidge(Map<String, Integer> pu, Map<String, Integer> dropoff, double[] w) {
        static DenseRidge fit(Trips t, double alpha) {
            Map<String, Integer> pu = index(t.pu, 1);
            Map<String, Integer> dropoff = index(t.dropoff, 1 + pu.size());
            int p = 2 + pu.size() + dropoff.size();
            int dist = p - 1;
            double[][] a = new double[p][p];
            double[] b = new double[p];
            for (int i = 0; i < t.fare.size(); i++) {
                int[] idx = {0, pu.get(t.pu.get(i)), dropoff.get(t.dropoff.get(i)), dist};
                double[] val = {1, 1, 1, t.distance.get(i)};
                for (int r = 0; r < 4; r++) {
                    b[idx[r]] += val[r] * t.fare.get(i);
                    for (int c = 0; c < 4; c++) {
                        a[idx[r]][idx[c]] += val[r] * val[c];
                    }
                }
            }
            for (int j = 1; j < p; j++) {
                a[j][j] += alpha;
            }
            RealVector w = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false))
                    .getSolver()
                    .solve(new ArrayRealVector(b, false));
            return new DenseRidge(pu, dropoff, w.toArray());
        }

        double predict(String puZone, String doZone, double distance) {
            double y = w[0] + w[w.length - 1] * distance;
            Integer j = pu.get(puZone);
            Integer k = dropoff.get(doZone);
            return y + (j == null ? 0 : w[j]) + (k == null ? 0 : w[k]);
        }

        double[] predict(Trips t) {
            double[] y = new double[t.fare.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = predict(t.pu.get(i), t.dropoff.get(i), t.distance.get(i));
            }
            return y;
        }

        private static Map<String, Integer> index(List<String> values, int first) {
            Map<String, Integer> index = new HashMap<>();
            values.stream().distinct().sorted().forEach(v -> index.put(v, first + index.size()));
            return index;
        }
    }
}
