package dev.lathe.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.tuning.sampler.RandomSampler;
import dev.lathe.tuning.sampler.Sampler;
import dev.lathe.tuning.sampler.TpeSampler;
import dev.lathe.tuning.sampler.TpeSettings;
import dev.lathe.tuning.space.SearchSpace;
import dev.lathe.tuning.trial.Trial;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {
    /** Branin's global minimum (Dixon and Szego 1978), reached at (-pi, 12.275), (pi, 2.275), (9.42478, 2.475). */
    private static final double BRANIN_MIN = 0.397887;

    private static final int BUDGET = 60;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    private static final SearchSpace BRANIN_SPACE =
            SearchSpace.builder().uniform("x1", -5, 10).uniform("x2", 0, 15).build();

    private static SearchResult brainSearch(Sampler sampler, long seed) {
        return Study.builder(
                        BRANIN_SPACE,
                        sampler,
                        t -> branin(t.params().getDouble("x1"), t.params().getDouble("x2")),
                        SearchSettings.builder(BUDGET, seed).build())
                .build()
                .run();
    }

    @Test
    void brainMinimumIsThePublishedValue() {
        assertEquals(BRANIN_MIN, branin(Math.PI, 2.275), 1e-6);
    }

    @Test
    void randomSearchIsReproducibleFromItsSeed() {
        SearchResult a = brainSearch(new RandomSampler(), 11);
        SearchResult b = brainSearch(new RandomSampler(), 11);
        SearchResult c = brainSearch(new RandomSampler(), 12);
        for (int i = 0; i < BUDGET; i++) {
            assertTrue(a.trials().get(i).sameOutcome(b.trials().get(i)), "trial " + i);
        }
        assertNotEquals(a.trials().get(0).params(), c.trials().get(0).params());
    }

    @Test
    void tpeBeatsRandomSearchMedianOnBranin() {
        double[] tpe = new double[SEEDS.length];
        double[] random = new double[SEEDS.length];
        double tpeLateMean = 0;
        double randomLateMean = 0;
        for (int i = 0; i < SEEDS.length; i++) {
            SearchResult t = brainSearch(new TpeSampler(), SEEDS[i]);
            SearchResult r = brainSearch(new RandomSampler(), SEEDS[i]);
            tpe[i] = t.bestScore() - BRANIN_MIN;
            random[i] = r.bestScore() - BRANIN_MIN;
            tpeLateMean += lateMean(t.trials());
            randomLateMean += lateMean(r.trials());
        }
        Arrays.sort(tpe);
        Arrays.sort(random);
        assertTrue(
                tpe[2] < random[2],
                "median regret TPE " + tpe[2] + " should beat random " + random[2] + ": " + Arrays.toString(tpe)
                        + " vs " + Arrays.toString(random));
        assertTrue(
                tpeLateMean < 0.5 * randomLateMean,
                "TPE's last 30 trials should concentrate near the minimum: mean " + tpeLateMean / SEEDS.length
                        + " vs random " + randomLateMean / SEEDS.length);
    }

    /** A narrow diagonal valley plus a categorical term; minimum 0 at x = y = 1, shape "b". */
    static double valley(double x, double y, String shape) {
        return 20 * (x - y) * (x - y) + (x + y - 2) * (x + y - 2) / 4 + (shape.equals("b") ? 0 : 3);
    }

    private static final SearchSpace VALLEY_SPACE = SearchSpace.builder()
            .uniform("x", -5, 5)
            .uniform("y", -5, 5)
            .choice("shape", List.of("a", "b", "c"))
            .build();

    private static SearchResult valleySearch(Sampler sampler, long seed) {
        return Study.builder(
                        VALLEY_SPACE,
                        sampler,
                        t -> valley(
                                t.params().getDouble("x"),
                                t.params().getDouble("y"),
                                t.params().getString("shape")),
                        SearchSettings.builder(BUDGET, seed).build())
                .build()
                .run();
    }

    @Test
    void multivariateTpeFollowsCorrelatedParametersBetterThanIndependentTpe() {
        TpeSampler joint = new TpeSampler(TpeSettings.defaults().withMultivariate(true));
        double[] multivariate = new double[SEEDS.length];
        double[] independent = new double[SEEDS.length];
        for (int i = 0; i < SEEDS.length; i++) {
            multivariate[i] = valleySearch(joint, SEEDS[i]).bestScore();
            independent[i] = valleySearch(new TpeSampler(), SEEDS[i]).bestScore();
        }
        Arrays.sort(multivariate);
        Arrays.sort(independent);
        assertTrue(
                multivariate[2] < independent[2],
                "median best multivariate " + Arrays.toString(multivariate) + " vs independent "
                        + Arrays.toString(independent));
        SearchResult a = valleySearch(joint, 7);
        SearchResult b = valleySearch(joint, 7);
        for (int i = 0; i < BUDGET; i++) {
            assertTrue(a.trials().get(i).sameOutcome(b.trials().get(i)), "multivariate TPE is seeded: trial " + i);
            assertTrue(
                    List.of("a", "b", "c").contains(a.trials().get(i).params().getString("shape")));
        }
    }

    private static double lateMean(List<Trial> trials) {
        return trials.subList(BUDGET - 30, BUDGET).stream()
                .mapToDouble(Trial::value)
                .average()
                .orElseThrow();
    }
}
