package dev.lathe.trainers.linear;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.PayloadInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link LinearModel} back from the payload it wrote: doubles are stored as their exact IEEE
 * bits, so predictions after loading are bit-identical to those before saving. Registered for
 * {@link java.util.ServiceLoader} under kind {@value LinearModel#KIND}.
 */
public final class LinearModelCodec implements ModelCodec {
    static final int PAYLOAD_VERSION = 1;
    /** Each feature takes a name (at least its 2-byte length) and an 8-byte coefficient. */
    private static final int MIN_FEATURE_BYTES = ModelPayloads.UTF_LENGTH_BYTES + Double.BYTES;

    @Override
    public String kind() {
        return LinearModel.KIND;
    }

    @Override
    public LinearModel read(PayloadInput in) {
        int version = in.readInt("linear.payload_version");
        LatheException.check(
                version == PAYLOAD_VERSION,
                "linear model payload version must be %d, got %d",
                PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(in);
        int count = in.readCount("linear.feature_count", MIN_FEATURE_BYTES);
        List<String> names = new ArrayList<>(count);
        double[] coefficients = new double[count];
        for (int j = 0; j < count; j++) {
            names.add(in.readUtf("linear.feature_name"));
            coefficients[j] = in.readDouble("linear.coefficient");
        }
        double intercept = in.readDouble("linear.intercept");
        return new LinearModel(coefficients, intercept, names, provenance);
    }
}
