package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A stacked ensemble: base models (refitted on all training rows) turn a feature matrix into one
 * prediction column each, and a meta-model fitted on out-of-fold base predictions combines those
 * columns. Saved with all its models by {@link StackedModelCodec}.
 */
public final class StackedModel implements Model {
    /** The codec key of stacked ensembles. */
    public static final String KIND = "stacked";

    static final int PAYLOAD_VERSION = 1;

    private final List<Model> bases;
    private final Model meta;
    private final ModelProvenance provenance;

    public StackedModel(List<? extends Model> bases, Model meta, ModelProvenance provenance) {
        LatheException.check(!bases.isEmpty(), "stacked model needs at least one base model");
        LatheException.check(meta != null && provenance != null, "stacked model: meta model and provenance required");
        LatheException.check(
                meta.provenance().featureCount() == bases.size(),
                "stacked model: meta model takes %d inputs, there are %d base models",
                meta.provenance().featureCount(),
                bases.size());
        this.bases = List.copyOf(bases);
        this.meta = meta;
        this.provenance = provenance;
    }

    /** The base models' predictions as a dense column-per-model matrix (the meta-model's input). */
    public SparseMatrix basePredictions(SparseMatrix x) {
        double[][] cols = new double[bases.size()][];
        for (int b = 0; b < cols.length; b++) {
            cols[b] = bases.get(b).predict(x);
        }
        return StackingTrainer.columns(cols, x.rows());
    }

    @Override
    public double[] predict(SparseMatrix x) {
        return meta.predict(basePredictions(x));
    }

    public List<Model> bases() {
        return bases;
    }

    public Model meta() {
        return meta;
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
        MemberIO.writeMembers(bases, data);
        MemberIO.writeMembers(List.of(meta), data);
        data.flush();
    }
}
