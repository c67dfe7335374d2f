package dev.lathe.trainers.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lathe.core.DataException;
import dev.lathe.core.LatheException;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelCodec;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.PayloadInput;
import java.util.List;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * Reads {@link TribuoModel}s: provenance, feature names and the Tribuo {@code ModelProto}, whose class
 * names are checked against {@link TribuoClasses} before Tribuo (which loads them) sees it.
 */
public final class TribuoModelCodec implements ModelCodec {
    @Override
    public String kind() {
        return TribuoModel.KIND;
    }

    @Override
    public Model read(PayloadInput in) {
        int version = in.readInt("tribuo.payload_version");
        LatheException.check(
                version == TribuoModel.PAYLOAD_VERSION,
                "tribuo model payload version must be %d, got %d",
                TribuoModel.PAYLOAD_VERSION,
                version);
        ModelProvenance provenance = ModelPayloads.read(in);
        List<String> names = ModelPayloads.readNames(in);
        byte[] bytes = in.readBlock("tribuo.model");
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw in.error("tribuo.model", "is not a Tribuo ModelProto: " + e.getMessage());
        }
        TribuoClasses.check(proto, in);
        org.tribuo.Model<?> raw;
        try {
            raw = org.tribuo.Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw new DataException(in.source() + ": Tribuo cannot rebuild the model in field tribuo.model: " + e, e);
        }
        LatheException.check(
                raw.validate(Regressor.class),
                "tribuo model payload holds a %s model, expected a regressor",
                raw.getClass().getSimpleName());
        return new TribuoModel(raw.castModel(Regressor.class), names, provenance);
    }
}
