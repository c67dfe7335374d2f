package dev.lathe.bench.boosted;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.recipe.TrainValid;
import dev.lathe.tlc.TlcRecipes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * An experiment kept for its figures in docs/benchmarks.md: the course's XGBoost fit on 2023 with
 * PU_DO given to xgboost4j as one categorical feature (one code per one-hot column) and one-vs-rest
 * splits forced ({@code max_cat_to_onehot} above the category count), which is the same split family
 * as the one-hot columns. Prints fit seconds, best iteration and validation RMSE. Arguments:
 * [dataDir=data/tlc]; {@code -Dverbosity=3} adds XGBoost's own stage timers.
 */
public final class CategoricalPuDoFit {
    private CategoricalPuDoFit() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/tlc");
        TrainValid tv = TrainValid.load(
                dir.resolve("green_tripdata_2023-01.parquet"),
                dir.resolve("green_tripdata_2023-02.parquet"),
                TlcRecipes.course());
        List<String> names = tv.train().featureNames();
        int[] code = new int[names.size()];
        int categories = 0;
        int distance = -1;
        for (int j = 0; j < names.size(); j++) {
            if (names.get(j).startsWith("PU_DO=")) {
                code[j] = categories++;
            } else {
                distance = j;
            }
        }
        int verbosity = Integer.getInteger("verbosity", 0);
        long start = System.nanoTime();
        DMatrix train = matrix(tv.train(), code, distance, categories);
        DMatrix valid = matrix(tv.valid(), code, distance, categories);
        Map<String, Object> params =
                new LinkedHashMap<>(BoostedTrainersBench.courseParams().boosterParams());
        params.put("max_cat_to_onehot", categories + 2);
        params.put("verbosity", verbosity);
        Map<String, DMatrix> cache = new LinkedHashMap<>();
        cache.put("train", train);
        cache.put("valid", valid);
        Booster booster = XGBoost.train(train, params, 0, cache, null, null);
        double best = Double.POSITIVE_INFINITY;
        int bestRound = -1;
        int round = 0;
        for (; round < 1000 && round - bestRound <= 50; round++) {
            booster.update(train, round);
            String line = booster.evalSet(new DMatrix[] {train, valid}, new String[] {"train", "valid"}, round);
            double v = Double.parseDouble(line.substring(line.lastIndexOf(':') + 1));
            if (v < best) {
                best = v;
                bestRound = round;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        float[][] p = booster.predict(valid, false, bestRound + 1);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i][0] - tv.valid().target()[i];
            s += d * d;
        }
        System.out.printf(
                Locale.ROOT,
                "categorical PU_DO (%d categories): fit=%.1f s best_iteration=%d rounds=%d rmse=%.6f%n",
                categories,
                seconds,
                bestRound,
                round,
                Math.sqrt(s / p.length));
        booster.dispose(); // XGBoost prints its stage timers (verbosity 3) when the booster goes
    }

    /** Column 0: the PU_DO code (the category count when a row has none), column 1: trip distance. */
    private static DMatrix matrix(Dataset ds, int[] code, int distance, int categories) throws Exception {
        SparseMatrix x = ds.features();
        long[] ptr = new long[x.rows() + 1];
        int[] idx = new int[x.rows() * 2];
        float[] val = new float[x.rows() * 2];
        int n = 0;
        for (int r = 0; r < x.rows(); r++) {
            int category = categories;
            float d = Float.NaN;
            for (int k = x.indptr()[r]; k < x.indptr()[r + 1]; k++) {
                if (x.indices()[k] == distance) {
                    d = (float) x.values()[k];
                } else {
                    category = code[x.indices()[k]];
                }
            }
            idx[n] = 0;
            val[n++] = category;
            if (!Float.isNaN(d)) {
                idx[n] = 1;
                val[n++] = d;
            }
            ptr[r + 1] = n;
        }
        DMatrix m =
                new DMatrix(ptr, Arrays.copyOf(idx, n), Arrays.copyOf(val, n), DMatrix.SparseType.CSR, 2, Float.NaN, 2);
        float[] y = new float[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) ds.target()[i];
        }
        m.setLabel(y);
        m.setFeatureTypes(new String[] {"c", "q"});
        return m;
    }
}
