package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link LinearModel} back from the payload it wrote: doubles are stored as their exact IEEE
 * bits, so predictions after loading are bit-identical to those before saving. Registered for
 * {@link java.util.ServiceLoader} under kind {@value LinearModel#KIND}.
 */
public final class LinearModelCodec implements ModelCodec {
    static final int PAYLOAD_VERSION = 1;
    private static final int MAX_FEATURES = 100_000_000;

    @Override
    public String kind() {
        return LinearModel.KIND;
    }

    @Override
    public LinearModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = data.readInt();
        LatheException.check(
                version == PAYLOAD_VERSION,
                "linear model payload version must be %d, got %d",
                PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(data);
        int count = data.readInt();
        LatheException.check(
                count >= 0 && count <= MAX_FEATURES,
                "linear model feature count must be in [0, %d], got %d",
                MAX_FEATURES,
                count);
        List<String> names = new ArrayList<>(count);
        double[] coefficients = new double[count];
        for (int j = 0; j < count; j++) {
            names.add(data.readUTF());
            coefficients[j] = data.readDouble();
        }
        double intercept = data.readDouble();
        return new LinearModel(coefficients, intercept, names, provenance);
    }
}
