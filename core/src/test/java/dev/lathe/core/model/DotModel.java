package dev.lathe.core.model;

import dev.lathe.core.data.SparseMatrix;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** Test model: y = w.x + b, with its codec (registered in test resources). */
public record DotModel(double[] w, double b) implements Model {
    @Override
    public double[] predict(SparseMatrix x) {
        return x.multiply(w, b);
    }

    @Override
    public String kind() {
        return "test-dot";
    }

    @Override
    public ModelProvenance provenance() {
        return new ModelProvenance(
                "dot", new TreeMap<>(Map.of()), "d", "0", 0, w.length, new TreeMap<>(), "test", "17", "");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(w.length);
        for (double v : w) {
            d.writeDouble(v);
        }
        d.writeDouble(b);
        d.flush();
    }

    /** Reads {@link DotModel}s. */
    public static final class Codec implements ModelCodec {
        @Override
        public String kind() {
            return "test-dot";
        }

        @Override
        public Model read(PayloadInput in) {
            double[] w = in.readDoubles("w");
            return new DotModel(w, in.readDouble("b"));
        }
    }
}
