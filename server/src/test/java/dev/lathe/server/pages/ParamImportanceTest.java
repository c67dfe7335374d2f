package dev.lathe.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** η² over bins against values worked out by hand. */
class ParamImportanceTest {
    @Test
    void etaSquaredIsTheShareOfVarianceBetweenBins() {
        // scores 1 2 3 4, mean 2.5, SS total 5; a = p p q q: means 1.5 and 3.5, SS within 1, η² 0.8;
        // b = p q p q: means 2 and 3, SS within 4, η² 0.2
        List<ParamImportance.Importance> out = ParamImportance.of(
                List.of(
                        Map.of("a", "p", "b", "p"),
                        Map.of("a", "p", "b", "q"),
                        Map.of("a", "q", "b", "p"),
                        Map.of("a", "q", "b", "q")),
                new double[] {1, 2, 3, 4});
        assertEquals("a", out.get(0).param());
        assertEquals(0.8, out.get(0).etaSquared(), 1e-12);
        assertEquals(2, out.get(0).bins());
        assertEquals("b", out.get(1).param());
        assertEquals(0.2, out.get(1).etaSquared(), 1e-12);
    }

    @Test
    void numericParamsFallInEqualCountBinsWithTiesTogether() {
        // x = 1..10 in 5 bins {1,2} {3,4} ... ; scores 0 0 1 1 0 0 1 1 0 0 are constant per bin: η² 1
        List<Map<String, String>> params = new java.util.ArrayList<>();
        double[] y = {0, 0, 1, 1, 0, 0, 1, 1, 0, 0};
        for (int i = 1; i <= 10; i++) {
            params.add(Map.of("x", Integer.toString(i), "tie", i <= 8 ? "1.0" : "2.0"));
        }
        List<ParamImportance.Importance> out = ParamImportance.of(params, y);
        ParamImportance.Importance x =
                out.stream().filter(i -> i.param().equals("x")).findFirst().orElseThrow();
        assertEquals(1.0, x.etaSquared(), 1e-12);
        assertEquals(5, x.bins());
        // tie: eight 1.0 values in one bin (scores mean 0.5), two 2.0 values in another (mean 0): SS total
        // 10 x 0.24 = 2.4, SS within 8 x 0.25 = 2, η² 1/6
        ParamImportance.Importance tie =
                out.stream().filter(i -> i.param().equals("tie")).findFirst().orElseThrow();
        assertEquals(2, tie.bins());
        assertEquals(1 - 2.0 / 2.4, tie.etaSquared(), 1e-12);
    }

    @Test
    void constantScoresMakeNoParamImportant() {
        List<ParamImportance.Importance> out = ParamImportance.of(
                List.of(Map.of("a", "1"), Map.of("a", "2"), Map.of("a", "3")), new double[] {5, 5, 5});
        assertEquals(0.0, out.get(0).etaSquared());
    }
}
