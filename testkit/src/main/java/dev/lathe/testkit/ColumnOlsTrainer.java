package dev.lathe.testkit;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Test-only simple linear regression of the target on one named feature column (closed form). */
public final class ColumnOlsTrainer implements Trainer<LinearTestModel> {
    private final String column;

    public ColumnOlsTrainer(String column) {
        this.column = column;
    }

    @Override
    public String name() {
        return "test-column-ols";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return new TreeMap<>(Map.of("column", column));
    }

    /** The values of {@code column} for every row of {@code data} (0 where the row has no entry). */
    public static double[] columnValues(Dataset data, String column) {
        int col = data.featureNames().indexOf(column);
        LatheException.check(col >= 0, "dataset '%s' has no feature '%s'", data.name(), column);
        SparseMatrix x = data.features();
        double[] v = new double[x.rows()];
        int[] indptr = x.indptr();
        int[] indices = x.indices();
        double[] values = x.values();
        for (int r = 0; r < v.length; r++) {
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                if (indices[k] == col) {
                    v[r] = values[k];
                }
            }
        }
        return v;
    }

    @Override
    public LinearTestModel fit(Dataset train, FitContext context) {
        double[] x = columnValues(train, column);
        double[] y = train.target();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double[] w = new double[train.featureCount()];
        w[train.featureNames().indexOf(column)] = slope;
        return new LinearTestModel(
                w,
                my - slope * mx,
                ModelProvenance.of(name(), hyperparameters(), train, Map.of("slope", Double.toString(slope))));
    }
}
