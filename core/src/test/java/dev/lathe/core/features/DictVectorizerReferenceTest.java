package dev.lathe.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.core.data.SparseMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The encoder on random frames against scikit-learn's DictVectorizer written out the plain way: a
 * dict of "name=value" -> 1 and "name" -> number per row, looked up by string in the sorted vocabulary.
 */
class DictVectorizerReferenceTest {
    private static FeatureFrame randomFrame(Random random, int rows, int categories) {
        Map<String, String[]> cat = new LinkedHashMap<>();
        for (String name : List.of("PU_DO", "PU", "zone")) {
            String[] values = new String[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = random.nextInt(categories) + "_" + random.nextInt(3);
            }
            cat.put(name, values);
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        for (String name : List.of("trip_distance", "a_number", "zz")) {
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = random.nextInt(4) == 0 ? 0.0 : random.nextGaussian();
            }
            num.put(name, values);
        }
        return new FeatureFrame(cat, num, rows);
    }

    private static double[][] reference(List<String> vocabulary, FeatureFrame frame) {
        double[][] out = new double[frame.rows()][vocabulary.size()];
        Map<String, String[]> cat = frame.categorical();
        for (int r = 0; r < frame.rows(); r++) {
            for (Map.Entry<String, String[]> e : cat.entrySet()) {
                int j = vocabulary.indexOf(e.getKey() + "=" + e.getValue()[r]);
                if (j >= 0) {
                    out[r][j] = 1.0;
                }
            }
            for (Map.Entry<String, double[]> e : frame.numerical().entrySet()) {
                out[r][vocabulary.indexOf(e.getKey())] = e.getValue()[r];
            }
        }
        return out;
    }

    @Test
    void randomFramesEncodeAsTheStringLookupDoes() {
        Random random = new Random(42);
        FeatureFrame train = randomFrame(random, 500, 20);
        FeatureFrame valid = randomFrame(random, 300, 30); // values 20..29 were not seen when fitting
        DictVectorizer dv = DictVectorizer.fit(train);
        TreeSet<String> vocabulary = new TreeSet<>(train.numerical().keySet());
        train.categorical().forEach((name, values) -> {
            for (String v : values) {
                vocabulary.add(name + "=" + v);
            }
        });
        assertEquals(new ArrayList<>(vocabulary), dv.featureNames());
        for (FeatureFrame frame : List.of(train, valid)) {
            SparseMatrix x = dv.transform(frame);
            assertArrayEquals(reference(dv.featureNames(), frame), x.toDense());
            for (double v : x.values()) {
                assertEquals(false, v == 0.0, "zeros are not stored");
            }
        }
    }
}
