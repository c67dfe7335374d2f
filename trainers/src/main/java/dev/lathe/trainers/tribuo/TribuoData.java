package dev.lathe.trainers.tribuo;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.data.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Converts Lathe's sparse data to Tribuo's: one {@link ArrayExample} per CSR row holding only the
 * row's stored entries, named after the Dataset's feature names, with the target as a one-dimensional
 * {@link Regressor} named {@value #TARGET}.
 */
public final class TribuoData {
    /** Name of the single regression output dimension. */
    public static final String TARGET = "target";

    private TribuoData() {}

    /** The training set as a Tribuo dataset (provenance names the Lathe dataset and its digest). */
    public static MutableDataset<Regressor> toTribuo(Dataset ds) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> out = new MutableDataset<>(
                new SimpleDataSourceProvenance("lathe:" + ds.name() + "@" + ds.digest(), factory), factory);
        out.addAll(examples(ds.features(), ds.featureNames(), ds.target()));
        return out;
    }

    /** Rows of {@code x} as examples; {@code target == null} gives unlabelled examples for prediction. */
    public static List<Example<Regressor>> examples(SparseMatrix x, List<String> featureNames, double[] target) {
        LatheException.check(
                x.cols() == featureNames.size(),
                "feature matrix has %d columns but %d feature names were given",
                x.cols(),
                featureNames.size());
        String[] names = featureNames.toArray(new String[0]);
        int[] ptr = x.indptr();
        int[] idx = x.indices();
        double[] val = x.values();
        List<Example<Regressor>> out = new ArrayList<>(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            int len = ptr[i + 1] - ptr[i];
            String[] rowNames;
            double[] rowValues;
            if (len == 0 && names.length > 0) {
                // Tribuo rejects an example without features; an explicit zero is the same row (a
                // validation trip whose category was never seen and whose distance is 0).
                rowNames = new String[] {names[0]};
                rowValues = new double[] {0.0};
            } else {
                rowNames = new String[len];
                rowValues = new double[len];
                for (int k = 0; k < len; k++) {
                    rowNames[k] = names[idx[ptr[i] + k]];
                    rowValues[k] = val[ptr[i] + k];
                }
            }
            Regressor y = target == null ? RegressionFactory.UNKNOWN_REGRESSOR : new Regressor(TARGET, target[i]);
            out.add(new ArrayExample<>(y, rowNames, rowValues));
        }
        return out;
    }
}
