package dev.lathe.testkit;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Test-only target-mean baseline over a one-hot group ({@code PU_DO=...} columns): a row in group g
 * is predicted the training mean of g, a row of an unseen group the global mean. It is a linear model
 * with weight {@code mean(g) - global mean} on each group column.
 */
public final class OneHotMeanTrainer implements Trainer<LinearTestModel> {
    private final String prefix;

    public OneHotMeanTrainer(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "test-group-mean";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return new TreeMap<>(Map.of("group_prefix", prefix));
    }

    @Override
    public LinearTestModel fit(Dataset train, FitContext context) {
        List<String> names = train.featureNames();
        int p = names.size();
        double[] sum = new double[p];
        long[] count = new long[p];
        double total = 0;
        SparseMatrix x = train.features();
        int[] indptr = x.indptr();
        int[] indices = x.indices();
        double[] y = train.target();
        for (int r = 0; r < y.length; r++) {
            total += y[r];
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                sum[indices[k]] += y[r];
                count[indices[k]]++;
            }
        }
        double mean = total / y.length;
        double[] w = new double[p];
        int groups = 0;
        for (int j = 0; j < p; j++) {
            if (names.get(j).startsWith(prefix) && count[j] > 0) {
                w[j] = sum[j] / count[j] - mean;
                groups++;
            }
        }
        return new LinearTestModel(
                w,
                mean,
                ModelProvenance.of(
                        name(),
                        hyperparameters(),
                        train,
                        Map.of("global_mean", Double.toString(mean), "groups", Integer.toString(groups))));
    }
}
