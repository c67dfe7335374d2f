package dev.lathe.trainers.boosted;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Builds XGBoost {@link DMatrix} objects straight from Lathe's CSR arrays (row pointers widened to
 * long, values narrowed to float as XGBoost stores them), without any dense copy. Entries absent from
 * the CSR structure are XGBoost "missing" values, as with a scipy CSR matrix in Python.
 */
final class DMatrices {
    private DMatrices() {}

    /** The features of {@code x}, unlabelled (for prediction). */
    static DMatrix of(SparseMatrix x, int nthread) {
        int[] ptr = x.indptr();
        long[] rowHeaders = new long[ptr.length];
        for (int i = 0; i < ptr.length; i++) {
            rowHeaders[i] = ptr[i];
        }
        double[] v = x.values();
        float[] data = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            data[k] = (float) v[k];
        }
        try {
            return new DMatrix(rowHeaders, x.indices(), data, DMatrix.SparseType.CSR, x.cols(), Float.NaN, nthread);
        } catch (XGBoostError e) {
            throw new LatheException("cannot build an XGBoost matrix of " + x.rows() + "x" + x.cols() + ": " + e, e);
        }
    }

    /** The booster rows' features, labels and (when rows were merged) weights. */
    static DMatrix labelled(BoosterRows rows, String datasetName, int nthread) {
        DMatrix m = of(rows.features(), nthread);
        try {
            m.setLabel(rows.labels());
            if (rows.weights() != null) {
                m.setWeight(rows.weights());
            }
        } catch (XGBoostError e) {
            m.dispose();
            throw new LatheException("cannot set labels of dataset '" + datasetName + "': " + e, e);
        }
        return m;
    }
}
