package dev.lathe.trainers.tribuo;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;

/**
 * A fitted Tribuo regression model behind Lathe's {@link Model} contract: predicts from a CSR matrix
 * (rows converted by {@link TribuoData}) and is saved as Tribuo's own protobuf {@code ModelProto}
 * bytes by {@link TribuoModelCodec}, next to the feature names and Lathe provenance.
 */
public final class TribuoModel implements Model {
    /** The codec key of Tribuo-backed models. */
    public static final String KIND = "tribuo";

    static final int PAYLOAD_VERSION = 1;

    private final org.tribuo.Model<Regressor> tribuoModel;
    private final List<String> featureNames;
    private final ModelProvenance provenance;

    TribuoModel(org.tribuo.Model<Regressor> tribuoModel, List<String> featureNames, ModelProvenance provenance) {
        this.tribuoModel = tribuoModel;
        this.featureNames = List.copyOf(featureNames);
        this.provenance = provenance;
    }

    @Override
    public double[] predict(SparseMatrix x) {
        LatheException.check(
                x.cols() == featureNames.size(),
                "tribuo model: feature matrix has %d columns, the model was trained on %d",
                x.cols(),
                featureNames.size());
        List<Prediction<Regressor>> predictions = tribuoModel.predict(TribuoData.examples(x, featureNames, null));
        double[] out = new double[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return out;
    }

    /** The wrapped Tribuo model (for Tribuo-side inspection such as its provenance or top features). */
    public org.tribuo.Model<Regressor> tribuoModel() {
        return tribuoModel;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(PAYLOAD_VERSION);
        ModelPayloads.write(provenance, data);
        ModelPayloads.writeNames(featureNames, data);
        ModelPayloads.writeBlock(tribuoModel.serialize().toByteArray(), data);
        data.flush();
    }
}
