package dev.lathe.core.model;

import dev.lathe.core.data.SparseMatrix;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Test model predicting a constant, with its codec (registered in test resources). */
public record MeanModel(double mean) implements Model {
    @Override
    public double[] predict(SparseMatrix x) {
        double[] y = new double[x.rows()];
        Arrays.fill(y, mean);
        return y;
    }

    @Override
    public String kind() {
        return "test-mean";
    }

    @Override
    public ModelProvenance provenance() {
        return new ModelProvenance(
                "mean", new TreeMap<>(Map.of()), "d", "0", 0, 0, new TreeMap<>(Map.of()), "test", "17", "");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        new DataOutputStream(out).writeDouble(mean);
    }

    /** Reads {@link MeanModel}s. */
    public static final class Codec implements ModelCodec {
        @Override
        public String kind() {
            return "test-mean";
        }

        @Override
        public Model read(PayloadInput in) {
            return new MeanModel(in.readDouble("mean"));
        }
    }
}
