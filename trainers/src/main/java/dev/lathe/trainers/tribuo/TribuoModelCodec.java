package dev.lathe.trainers.tribuo;

import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/** Reads {@link TribuoModel}s: provenance, feature names and the Tribuo {@code ModelProto}. */
public final class TribuoModelCodec implements ModelCodec {
    @Override
    public String kind() {
        return TribuoModel.KIND;
    }

    @Override
    public Model read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = data.readInt();
        LatheException.check(
                version == TribuoModel.PAYLOAD_VERSION,
                "tribuo model payload version must be %d, got %d",
                TribuoModel.PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(data);
        List<String> names = ModelPayloads.readNames(data);
        byte[] proto = ModelPayloads.readBlock(data);
        org.tribuo.Model<?> raw = org.tribuo.Model.deserialize(ModelProto.parseFrom(proto));
        LatheException.check(
                raw.validate(Regressor.class),
                "tribuo model payload holds a %s model, expected a regressor",
                raw.getClass().getSimpleName());
        return new TribuoModel(raw.castModel(Regressor.class), names, provenance);
    }
}
