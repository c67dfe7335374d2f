package dev.lathe.testkit;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.Trainer;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/** Test-only ordinary least squares with intercept, solved by commons-math3 dense QR. */
public final class LeastSquaresTrainer implements Trainer<LinearTestModel> {
    @Override
    public String name() {
        return "test-ols";
    }

    @Override
    public SortedMap<String, String> hyperparameters() {
        return new TreeMap<>(Map.of("fit_intercept", "true"));
    }

    @Override
    public LinearTestModel fit(Dataset train, FitContext context) {
        double[][] x = train.features().toDense();
        int p = train.featureCount();
        double[][] design = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            design[i] = Arrays.copyOf(x[i], p + 1);
            design[i][p] = 1.0;
        }
        RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(design, false))
                .getSolver()
                .solve(new ArrayRealVector(train.target(), false));
        double[] w = Arrays.copyOf(beta.toArray(), p);
        return new LinearTestModel(
                w, beta.getEntry(p), ModelProvenance.of(name(), hyperparameters(), train, Map.of("solver", "qr")));
    }
}
