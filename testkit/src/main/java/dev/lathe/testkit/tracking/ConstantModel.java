package dev.lathe.testkit.tracking;

import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.PayloadInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.TreeMap;

/** A test model that predicts one constant, so registry tests can save, resolve and load a real model. */
public record ConstantModel(double constant) implements Model {
    public static final String KIND = "test-constant";

    @Override
    public double[] predict(SparseMatrix x) {
        double[] out = new double[x.rows()];
        Arrays.fill(out, constant);
        return out;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ModelProvenance provenance() {
        return new ModelProvenance("constant", new TreeMap<>(), "none", "0", 0, 1, new TreeMap<>(), "test", "17", "");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeDouble(constant);
        data.flush();
    }

    /** Reads a {@link ConstantModel} back. */
    public static final class Codec implements ModelCodec {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Model read(PayloadInput in) {
            return new ConstantModel(in.readDouble("constant"));
        }
    }
}
