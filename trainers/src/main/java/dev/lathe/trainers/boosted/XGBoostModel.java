package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelPayloads;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.core.model.PayloadInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A fitted XGBoost booster plus what Lathe needs around it: the feature names, the best iteration
 * found by early stopping (predictions use only the trees of rounds 0..bestIteration, although the
 * booster keeps every tree it grew), and provenance. Saved by {@link XGBoostModelCodec} as UBJSON.
 */
public final class XGBoostModel implements Model, dev.lathe.core.model.HasFeatureImportance {
    /** The codec key of XGBoost models. */
    public static final String KIND = "xgboost";

    static final int PAYLOAD_VERSION = 2;

    private final BoosterHandle booster;
    private final int bestIteration;
    private final int roundsTrained;
    private final int numParallelTree;
    private final List<String> featureNames;
    private final ColumnSubset columns;
    private final ModelProvenance provenance;

    XGBoostModel(
            BoosterHandle booster,
            int bestIteration,
            int roundsTrained,
            int numParallelTree,
            List<String> featureNames,
            ColumnSubset columns,
            ModelProvenance provenance) {
        LatheException.check(
                bestIteration >= 0 && bestIteration < roundsTrained,
                "xgboost model: best iteration must be in [0, %d), got %d",
                roundsTrained,
                bestIteration);
        LatheException.check(numParallelTree >= 1, "num_parallel_tree must be >= 1, got %d", numParallelTree);
        this.booster = booster;
        this.bestIteration = bestIteration;
        this.roundsTrained = roundsTrained;
        this.numParallelTree = numParallelTree;
        this.featureNames = List.copyOf(featureNames);
        LatheException.check(
                columns.inputColumns() == featureNames.size(),
                "xgboost model: column subset is over %d columns, the model has %d feature names",
                columns.inputColumns(),
                featureNames.size());
        this.columns = columns;
        this.provenance = provenance;
    }

    /** Most dense cells (rows x booster columns) of one in-place call; more rows go in blocks of this size. */
    static final int IN_PLACE_MAX_CELLS = 1 << 18;

    /**
     * Most rows Lathe's own walk of the trees predicts (or, for boosters it cannot walk, XGBoost's
     * in-place prediction in blocks): every serving request. The walk gives the booster's floats bit for
     * bit ({@code XGBoostInPlaceTest}); on one core it scored the course's 1,000-row request in ~50 ms of
     * CPU against ~190 ms through a DMatrix built per call. Larger inputs (batch scoring) go through a
     * sparse {@link DMatrix}, whose prediction uses every core.
     */
    static final int WALK_MAX_ROWS = 10_000;

    private static final Object NO_WALK = new Object();

    /** The trees as Lathe walks them (or {@link #NO_WALK}), read from the booster on first use. */
    private volatile Object walk;

    /**
     * Predictions for {@code x}: up to {@link #WALK_MAX_ROWS} rows by Lathe's own walk of the trees,
     * without building a {@link DMatrix} (xgboost#1756, #10215: a matrix per call dominates one-row
     * latency), large inputs through a sparse matrix. All give XGBoost's floats; {@code XGBoostInPlaceTest}
     * checks it row by row.
     */
    @Override
    public double[] predict(SparseMatrix x) {
        checkWidth(x);
        SparseMatrix kept = columns.apply(x);
        if (kept.rows() > WALK_MAX_ROWS) {
            return viaMatrix(kept);
        }
        TreeWalk walk = walk();
        return walk != null ? walk.predict(kept) : inPlaceInBlocks(kept);
    }

    /** Predictions by Lathe's own walk of the trees (null-safe: XGBoost's in-place path when unsupported). */
    public double[] predictByWalk(SparseMatrix x) {
        checkWidth(x);
        SparseMatrix kept = columns.apply(x);
        TreeWalk walk = walk();
        return walk != null ? walk.predict(kept) : inPlace(kept);
    }

    private TreeWalk walk() {
        Object w = walk;
        if (w == null) {
            synchronized (this) {
                w = walk;
                if (w == null) {
                    byte[] ubj = booster.ubj();
                    String source = "the fitted xgboost booster";
                    walkFrom(UbjsonCheck.read(ubj, new PayloadInput(ubj, 0, source, ""), "xgboost.booster"));
                    w = walk;
                }
            }
        }
        return w == NO_WALK ? null : (TreeWalk) w;
    }

    /**
     * Builds the walk from the booster saved as UBJSON, as {@link UbjsonCheck} reads it; true when the
     * trees can be walked (then the native booster is needed only for large inputs and importance).
     */
    synchronized boolean walkFrom(Object model) {
        int trees = bestIteration + 1 == roundsTrained ? 0 : (bestIteration + 1) * numParallelTree;
        TreeWalk built = TreeWalk.of(model, trees, columns.size());
        walk = built == null ? NO_WALK : built;
        return built != null;
    }

    /** Whether xgboost4j's native booster has been loaded (not while the walk serves a loaded model). */
    boolean boosterLoaded() {
        return booster.loaded();
    }

    /** Predictions through a sparse {@link DMatrix} built for this call (the path for large inputs). */
    public double[] predictViaMatrix(SparseMatrix x) {
        checkWidth(x);
        return viaMatrix(columns.apply(x));
    }

    /** Predictions through XGBoost's in-place prediction on a dense copy (absent cells are missing, NaN). */
    public double[] predictInPlace(SparseMatrix x) {
        checkWidth(x);
        return inPlaceInBlocks(columns.apply(x));
    }

    private void checkWidth(SparseMatrix x) {
        LatheException.check(
                x.cols() == featureNames.size(),
                "xgboost model: feature matrix has %d columns, the model was trained on %d",
                x.cols(),
                featureNames.size());
    }

    private double[] viaMatrix(SparseMatrix kept) {
        DMatrix dm = DMatrices.of(kept, -1);
        try {
            // tree limit counts trees, not rounds: each round grows numParallelTree trees.
            int treeLimit = bestIteration + 1 == roundsTrained ? 0 : (bestIteration + 1) * numParallelTree;
            return firstColumn(booster.get().predict(dm, false, treeLimit));
        } catch (XGBoostError e) {
            throw new LatheException("xgboost prediction failed on " + kept.rows() + " rows: " + e, e);
        } finally {
            dm.dispose();
        }
    }

    /** {@link #inPlace} over blocks of rows, each of at most {@link #IN_PLACE_MAX_CELLS} dense cells. */
    private double[] inPlaceInBlocks(SparseMatrix kept) {
        int block = (int) Math.max(1, IN_PLACE_MAX_CELLS / Math.max(1, kept.cols()));
        if (kept.rows() <= block) {
            return inPlace(kept);
        }
        double[] out = new double[kept.rows()];
        for (int from = 0; from < kept.rows(); from += block) {
            int to = Math.min(kept.rows(), from + block);
            double[] part = inPlace(
                    kept.selectRows(java.util.stream.IntStream.range(from, to).toArray()));
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    private double[] inPlace(SparseMatrix kept) {
        int rows = kept.rows();
        int cols = kept.cols();
        float[] dense = new float[rows * cols];
        java.util.Arrays.fill(dense, Float.NaN);
        int[] ptr = kept.indptr();
        int[] idx = kept.indices();
        double[] v = kept.values();
        for (int r = 0; r < rows; r++) {
            for (int k = ptr[r]; k < ptr[r + 1]; k++) {
                dense[r * cols + idx[k]] = (float) v[k];
            }
        }
        // the iteration range counts rounds (layers of numParallelTree trees), end exclusive; {0, 0}: all
        int[] range = bestIteration + 1 == roundsTrained ? new int[] {0, 0} : new int[] {0, bestIteration + 1};
        try {
            return firstColumn(booster.get()
                    .inplace_predict(dense, rows, cols, Float.NaN, range, Booster.PredictionType.kValue, null));
        } catch (XGBoostError e) {
            throw new LatheException("xgboost in-place prediction failed on " + rows + " rows: " + e, e);
        }
    }

    private static double[] firstColumn(float[][] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i][0];
        }
        return out;
    }

    /**
     * Importance of every feature that appears in a split, by name (features never split on are
     * absent, as in XGBoost's {@code get_score}). Computed over all trees the booster holds.
     */
    /** Total gain per feature name, as {@code get_score(importance_type="total_gain")}. */
    @Override
    public Map<String, Double> featureImportance() {
        return featureImportance(ImportanceType.TOTAL_GAIN);
    }

    public Map<String, Double> featureImportance(ImportanceType type) {
        // Ask with synthetic names f0..fN so that any real name (spaces, '=') survives the native fmap.
        String[] synthetic = new String[columns.size()];
        for (int j = 0; j < synthetic.length; j++) {
            synthetic[j] = "f" + j;
        }
        Map<String, Double> raw;
        try {
            raw = booster.get().getScore(synthetic, type.xgboostName());
        } catch (XGBoostError e) {
            throw new LatheException("xgboost feature importance '" + type.xgboostName() + "' failed: " + e, e);
        }
        Map<String, Double> named = new LinkedHashMap<>();
        for (int j = 0; j < synthetic.length; j++) {
            Double v = raw.get(synthetic[j]);
            if (v != null) {
                named.put(featureNames.get(columns.inputColumn(j)), v);
            }
        }
        return named;
    }

    /** The 0-based boosting round with the best validation score (the last round without early stopping). */
    public int bestIteration() {
        return bestIteration;
    }

    /** How many rounds the booster holds (best iteration + patience when early stopping fired). */
    public int roundsTrained() {
        return roundsTrained;
    }

    public int numParallelTree() {
        return numParallelTree;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * How many input columns the booster was trained on: columns that could never be split on (fewer
     * entries than min_child_weight) are dropped before boosting, which changes no tree.
     */
    public int boosterColumns() {
        return columns.size();
    }

    /** The booster in XGBoost's UBJSON model format. */
    public byte[] boosterBytes() {
        return booster.ubj();
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
        data.writeInt(bestIteration);
        data.writeInt(roundsTrained);
        data.writeInt(numParallelTree);
        columns.write(data);
        ModelPayloads.writeBlock(boosterBytes(), data);
        data.flush();
    }
}
