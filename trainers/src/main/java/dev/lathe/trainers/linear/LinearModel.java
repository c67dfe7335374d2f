package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A fitted linear regression model {@code y = X w + b}: one coefficient per named feature plus an
 * unpenalised intercept. Produced by the OLS, ridge, lasso and elastic-net trainers and saved exactly
 * (bit for bit) by {@link LinearModelCodec}.
 */
public final class LinearModel implements Model {
    /** The codec key of linear models. */
    public static final String KIND = "linear";

    private final double[] coefficients;
    private final double intercept;
    private final List<String> featureNames;
    private final ModelProvenance provenance;

    /** Copies {@code coefficients}; their count must equal the number of feature names. */
    public LinearModel(double[] coefficients, double intercept, List<String> featureNames, ModelProvenance provenance) {
        LatheException.check(
                coefficients.length == featureNames.size(),
                "linear model: coefficient count (%d) must equal feature name count (%d)",
                coefficients.length,
                featureNames.size());
        LatheException.check(Double.isFinite(intercept), "linear model: intercept must be finite, got %s", intercept);
        for (int j = 0; j < coefficients.length; j++) {
            LatheException.check(
                    Double.isFinite(coefficients[j]),
                    "linear model: coefficient of '%s' must be finite, got %s",
                    featureNames.get(j),
                    coefficients[j]);
        }
        LatheException.check(provenance != null, "linear model: provenance must not be null");
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
        this.featureNames = List.copyOf(featureNames);
        this.provenance = provenance;
    }

    @Override
    public double[] predict(SparseMatrix x) {
        LatheException.check(
                x.cols() == coefficients.length,
                "linear model: feature matrix has %d columns, the model was trained on %d",
                x.cols(),
                coefficients.length);
        return x.multiply(coefficients, intercept);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    /** A copy of the coefficients, in feature-name order. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The coefficient of feature {@code j}. */
    public double coefficient(int j) {
        return coefficients[j];
    }

    public double intercept() {
        return intercept;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** How many coefficients are exactly non-zero (the support size of a lasso fit). */
    public int nonZeroCount() {
        int count = 0;
        for (double c : coefficients) {
            if (c != 0.0) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(LinearModelCodec.PAYLOAD_VERSION);
        ModelPayloads.write(provenance, data);
        data.writeInt(coefficients.length);
        for (int j = 0; j < coefficients.length; j++) {
            data.writeUTF(featureNames.get(j));
            data.writeDouble(coefficients[j]);
        }
        data.writeDouble(intercept);
        data.flush();
    }
}
