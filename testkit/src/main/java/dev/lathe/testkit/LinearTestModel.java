package dev.lathe.testkit;

import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Test-only linear model {@code x . w + b} (a mean predictor is the all-zero {@code w}). */
public final class LinearTestModel implements Model {
    private final double[] weights;
    private final double intercept;
    private final ModelProvenance provenance;

    public LinearTestModel(double[] weights, double intercept, ModelProvenance provenance) {
        this.weights = weights.clone();
        this.intercept = intercept;
        this.provenance = provenance;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double intercept() {
        return intercept;
    }

    @Override
    public double[] predict(SparseMatrix x) {
        return x.multiply(weights, intercept);
    }

    @Override
    public String kind() {
        return "test-linear";
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(weights.length);
        for (double w : weights) {
            data.writeDouble(w);
        }
        data.writeDouble(intercept);
        data.flush();
    }
}
