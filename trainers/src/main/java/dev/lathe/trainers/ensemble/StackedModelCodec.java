package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.PayloadInput;
import java.util.List;

/** Reads {@link StackedModel}s: provenance, base models and the meta-model, each through its codec. */
public final class StackedModelCodec implements ModelCodec {
    @Override
    public String kind() {
        return StackedModel.KIND;
    }

    @Override
    public Model read(PayloadInput in) {
        int version = in.readInt("stacked.payload_version");
        LatheException.check(
                version == StackedModel.PAYLOAD_VERSION,
                "stacked model payload version must be %d, got %d",
                StackedModel.PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(in);
        List<Model> bases = MemberIO.readMembers(in);
        List<Model> meta = MemberIO.readMembers(in);
        LatheException.check(meta.size() == 1, "stacked model must hold one meta model, got %d", meta.size());
        return new StackedModel(bases, meta.get(0), provenance);
    }
}
