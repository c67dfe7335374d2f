package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads {@link WeightedAverageModel}s: provenance, weights, then each member through its own codec. */
public final class WeightedAverageCodec implements ModelCodec {
    @Override
    public String kind() {
        return WeightedAverageModel.KIND;
    }

    @Override
    public Model read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = data.readInt();
        LatheException.check(
                version == WeightedAverageModel.PAYLOAD_VERSION,
                "weighted average payload version must be %d, got %d",
                WeightedAverageModel.PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(data);
        double[] weights = new double[ModelPayloads.checkedCount(data.readInt(), "weight count")];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = data.readDouble();
        }
        return new WeightedAverageModel(MemberIO.readMembers(data), weights, provenance);
    }
}
