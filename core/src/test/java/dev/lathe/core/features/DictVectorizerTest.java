package dev.lathe.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.SparseMatrix;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictVectorizerTest {
    private static final double EXACT = 0.0;

    private static FeatureFrame frame(String[] puDo, String[] pu, double[] dist) {
        return new FeatureFrame(Map.of("PU_DO", puDo, "PU", pu), Map.of("trip_distance", dist), dist.length);
    }

    @Test
    void columnsAreSortedFeatureNamesLikeScikitLearn() {
        DictVectorizer dv = DictVectorizer.fit(
                frame(new String[] {"10_2", "1_2", "10_2"}, new String[] {"10", "1", "10"}, new double[] {1.5, 0, 3}));
        // Python: sorted(["PU_DO=10_2", "PU_DO=1_2", "PU=10", "PU=1", "trip_distance"])
        assertEquals(List.of("PU=1", "PU=10", "PU_DO=10_2", "PU_DO=1_2", "trip_distance"), dv.featureNames());
        SparseMatrix x = dv.transform(
                frame(new String[] {"10_2", "1_2", "10_2"}, new String[] {"10", "1", "10"}, new double[] {1.5, 0, 3}));
        double[][] expected = {
            {0, 1, 1, 0, 1.5},
            {1, 0, 0, 1, 0},
            {0, 1, 1, 0, 3},
        };
        assertArrayEquals(expected, x.toDense());
    }

    @Test
    void unseenValuesAreIgnoredAtTransformTime() {
        DictVectorizer dv = DictVectorizer.fit(frame(new String[] {"1_2"}, new String[] {"1"}, new double[] {2}));
        SparseMatrix x = dv.transform(frame(new String[] {"9_9", "1_2"}, new String[] {"9", "1"}, new double[] {4, 5}));
        assertArrayEquals(new double[][] {{0, 0, 4}, {1, 1, 5}}, x.toDense());
        assertArrayEquals(new int[] {0, 1, 4}, x.indptr());
    }

    @Test
    void savesAndLoadsTheSameVocabulary(@TempDir Path dir) {
        DictVectorizer dv = DictVectorizer.fit(
                frame(new String[] {"3_4", "1_2"}, new String[] {"3", "1"}, new double[] {2.25, 7.5}));
        Path f = dir.resolve("encoder.json");
        dv.save(f);
        DictVectorizer back = DictVectorizer.load(f);
        assertEquals(dv.featureNames(), back.featureNames());
        FeatureFrame probe = frame(new String[] {"1_2", "3_4"}, new String[] {"1", "3"}, new double[] {1, 2});
        assertArrayEquals(dv.transform(probe).toDense(), back.transform(probe).toDense());
        assertArrayEquals(
                new double[] {1.0},
                back.transform(FeatureFrame.single(Map.of("PU_DO", "1_2", "PU", "x"), Map.of("trip_distance", 0.0)))
                        .values(),
                EXACT);
    }

    @Test
    void rejectsForeignJsonAndFramesWithoutFittedColumns() {
        assertThrows(LatheException.class, () -> DictVectorizer.fromJson("{\"format\":\"other\"}"));
        DictVectorizer dv = DictVectorizer.fit(frame(new String[] {"1_2"}, new String[] {"1"}, new double[] {2}));
        LatheException e = assertThrows(
                LatheException.class,
                () -> dv.transform(new FeatureFrame(Map.of(), Map.of("trip_distance", new double[] {1}), 1)));
        // Both PU and PU_DO are missing; which one is named first follows the fitted frame's column order.
        assertTrue(
                e.getMessage().matches("frame lacks categorical feature '(PU|PU_DO)' the encoder was fitted on"),
                e.getMessage());
    }
}
