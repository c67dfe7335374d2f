package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.PayloadInput;

/** Reads {@link WeightedAverageModel}s: provenance, weights, then each member through its own codec. */
public final class WeightedAverageCodec implements ModelCodec {
    @Override
    public String kind() {
        return WeightedAverageModel.KIND;
    }

    @Override
    public Model read(PayloadInput in) {
        int version = in.readInt("weighted_average.payload_version");
        LatheException.check(
                version == WeightedAverageModel.PAYLOAD_VERSION,
                "weighted average payload version must be %d, got %d",
                WeightedAverageModel.PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(in);
        double[] weights = in.readDoubles("weighted_average.weight_count");
        return new WeightedAverageModel(MemberIO.readMembers(in), weights, provenance);
    }
}
