package dev.lathe.trainers.ensemble;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Predicts the weighted mean {@code sum(w_i * p_i) / sum(w_i)} of its member models' predictions.
 * Bagging produces one with equal weights; {@link #of} combines any fitted models (weights must be
 * non-negative with a positive sum). Saved with its members by {@link WeightedAverageCodec}.
 */
public final class WeightedAverageModel implements Model {
    /** The codec key of weighted averages. */
    public static final String KIND = "weighted_average";

    static final int PAYLOAD_VERSION = 1;

    private final List<Model> members;
    private final double[] weights;
    private final ModelProvenance provenance;

    /** Validates that there is one weight per member, each finite and >= 0, with a positive sum. */
    public WeightedAverageModel(List<? extends Model> members, double[] weights, ModelProvenance provenance) {
        LatheException.check(!members.isEmpty(), "weighted average needs at least one member model");
        LatheException.check(
                weights.length == members.size(),
                "weighted average: weight count (%d) must equal member count (%d)",
                weights.length,
                members.size());
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            LatheException.check(
                    Double.isFinite(weights[i]) && weights[i] >= 0,
                    "weighted average: weight %d must be finite and >= 0, got %s",
                    i,
                    weights[i]);
            sum += weights[i];
        }
        LatheException.check(sum > 0, "weighted average: weights must sum to > 0, got %s", sum);
        LatheException.check(provenance != null, "weighted average: provenance must not be null");
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.provenance = provenance;
    }

    /** Combines already fitted models; provenance names the first member's training data. */
    public static WeightedAverageModel of(List<? extends Model> members, double[] weights) {
        LatheException.check(!members.isEmpty(), "weighted average needs at least one member model");
        ModelProvenance first = members.get(0).provenance();
        Map<String, String> hyper = new TreeMap<>();
        hyper.put("weights", Arrays.toString(weights));
        hyper.put("members", Integer.toString(members.size()));
        Map<String, String> details = new TreeMap<>();
        for (int i = 0; i < members.size(); i++) {
            details.put(
                    String.format(java.util.Locale.ROOT, "member_%03d", i),
                    members.get(i).kind());
        }
        ModelProvenance p = new ModelProvenance(
                "weighted_average",
                new TreeMap<>(hyper),
                first.datasetName(),
                first.datasetDigest(),
                first.trainRows(),
                first.featureCount(),
                new TreeMap<>(details),
                dev.lathe.core.LatheVersion.VERSION,
                System.getProperty("java.version"),
                "");
        return new WeightedAverageModel(members, weights, p);
    }

    @Override
    public double[] predict(SparseMatrix x) {
        double[] out = new double[x.rows()];
        double total = 0;
        for (int m = 0; m < members.size(); m++) {
            double w = weights[m];
            total += w;
            if (w == 0) {
                continue;
            }
            double[] p = members.get(m).predict(x);
            for (int i = 0; i < out.length; i++) {
                out[i] += w * p[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= total;
        }
        return out;
    }

    public List<Model> members() {
        return members;
    }

    /** A copy of the member weights (not normalised). */
    public double[] weights() {
        return weights.clone();
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
        data.writeInt(weights.length);
        for (double w : weights) {
            data.writeDouble(w);
        }
        MemberIO.writeMembers(members, data);
        data.flush();
    }
}
