package dev.lathe.trainers.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.FitContext;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.ModelIO;
import dev.lathe.core.model.Trainer;
import dev.lathe.trainers.boosted.TestData;
import dev.lathe.trainers.boosted.XGBoostParams;
import dev.lathe.trainers.boosted.XGBoostTrainer;
import dev.lathe.trainers.linear.LinearModel;
import dev.lathe.trainers.linear.OlsParams;
import dev.lathe.trainers.linear.OlsTrainer;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BaggingTrainerTest {
    /** OLS by iterative CG to tolerance 1e-10 recovers an exact linear relation to about this. */
    private static final double EXACT_FIT_TOL = 1e-6;

    @Test
    void baggingOlsOnAnExactLinearRelationRecoversIt() {
        double[] w = {1.5, -2.0, 0.25};
        Dataset data = TestData.exactLinear("lin", 200, w, 3.0, 9);
        WeightedAverageModel bag =
                new BaggingTrainer(new OlsTrainer(OlsParams.defaults()), new BaggingParams(5, 0.8, 17, 2)).fit(data);
        assertEquals(5, bag.members().size());
        for (Model m : bag.members()) {
            LinearModel lm = (LinearModel) m;
            assertArrayEquals(w, lm.coefficients(), EXACT_FIT_TOL);
            assertEquals(3.0, lm.intercept(), EXACT_FIT_TOL);
        }
        assertArrayEquals(data.target(), bag.predict(data.features()), EXACT_FIT_TOL);
    }

    @Test
    void predictionIsTheMeanOfTheMembers() {
        Dataset data = TestData.taxiLike("t", 300, 5, 2.0, 4);
        WeightedAverageModel bag = new BaggingTrainer(xgb(), new BaggingParams(3, 1.0, 5, 2)).fit(data);
        double[] p0 = bag.members().get(0).predict(data.features());
        double[] p1 = bag.members().get(1).predict(data.features());
        double[] p2 = bag.members().get(2).predict(data.features());
        double[] p = bag.predict(data.features());
        for (int i = 0; i < p.length; i++) {
            assertEquals((p0[i] + p1[i] + p2[i]) / 3, p[i], 1e-12);
        }
    }

    @Test
    void bootstrapSamplesAreSeededAndInRange() {
        BaggingTrainer a = new BaggingTrainer(xgb(), new BaggingParams(4, 0.5, 99, 1));
        BaggingTrainer b = new BaggingTrainer(xgb(), new BaggingParams(4, 0.5, 99, 3));
        BaggingTrainer c = new BaggingTrainer(xgb(), new BaggingParams(4, 0.5, 100, 1));
        assertArrayEquals(a.bootstrapRows(2, 1000), b.bootstrapRows(2, 1000));
        assertEquals(500, a.bootstrapRows(2, 1000).length);
        assertTrue(java.util.Arrays.stream(a.bootstrapRows(3, 1000)).allMatch(r -> r >= 0 && r < 1000));
        assertTrue(!java.util.Arrays.equals(a.bootstrapRows(0, 1000), a.bootstrapRows(1, 1000)));
        assertTrue(!java.util.Arrays.equals(a.bootstrapRows(0, 1000), c.bootstrapRows(0, 1000)));
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        Dataset data = TestData.taxiLike("t", 300, 5, 2.0, 8);
        double[] one = new BaggingTrainer(xgb(), new BaggingParams(4, 1.0, 5, 1))
                .fit(data)
                .predict(data.features());
        double[] three = new BaggingTrainer(xgb(), new BaggingParams(4, 1.0, 5, 3))
                .fit(data)
                .predict(data.features());
        assertArrayEquals(one, three);
    }

    @Test
    void savesAndLoadsWithItsMembers() {
        Dataset data = TestData.taxiLike("t", 200, 5, 2.0, 3);
        WeightedAverageModel bag = new BaggingTrainer(xgb(), new BaggingParams(2, 1.0, 5, 2)).fit(data);
        Model back = ModelIO.fromBytes(ModelIO.toBytes(bag));
        assertEquals(WeightedAverageModel.KIND, back.kind());
        assertArrayEquals(bag.predict(data.features()), back.predict(data.features()));
        assertEquals(bag.provenance(), back.provenance().withPayloadDigest(""));
    }

    @Test
    void invalidParametersFailWithTheirValues() {
        assertEquals(
                "members must be in [1, inf), got 0",
                assertThrows(LatheException.class, () -> new BaggingParams(0, 1, 1, 1))
                        .getMessage());
        assertEquals(
                "sample_fraction must be in (0, 1], got 1.5",
                assertThrows(LatheException.class, () -> new BaggingParams(2, 1.5, 1, 1))
                        .getMessage());
        assertEquals(
                "threads must be in [1, inf), got 0",
                assertThrows(LatheException.class, () -> new BaggingParams(2, 1, 1, 0))
                        .getMessage());
    }

    /** OLS that claims two threads per fit and records how many of its fits overlap. */
    private static final class TwoThreadOls implements Trainer<LinearModel> {
        final OlsTrainer ols = new OlsTrainer(OlsParams.defaults());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();

        @Override
        public String name() {
            return "ols2";
        }

        @Override
        public SortedMap<String, String> hyperparameters() {
            return ols.hyperparameters();
        }

        @Override
        public int threads() {
            return 2;
        }

        @Override
        public LinearModel fit(Dataset train, FitContext context) {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
                return ols.fit(train, context);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void multiThreadedMembersCountAgainstTheThreadBudget() {
        Dataset data = TestData.exactLinear("lin", 200, new double[] {1.5, -2}, 0.5, 3);
        TwoThreadOls base = new TwoThreadOls();
        BaggingTrainer budget2 = new BaggingTrainer(base, new BaggingParams(6, 0.8, 17, 2));
        assertEquals(1, budget2.concurrentFits());
        assertEquals(2, budget2.threads());
        budget2.fit(data);
        assertEquals(1, base.maxRunning.get(), "a budget of 2 threads runs one 2-thread member at a time");

        BaggingTrainer budget4 = new BaggingTrainer(base, new BaggingParams(6, 0.8, 17, 4));
        assertEquals(2, budget4.concurrentFits());
        base.maxRunning.set(0);
        budget4.fit(data);
        assertTrue(base.maxRunning.get() <= 2, "at most 2 members at once, saw " + base.maxRunning.get());
        assertEquals(1, new BaggingTrainer(base, new BaggingParams(6, 0.8, 17, 1)).concurrentFits());
    }

    private static XGBoostTrainer xgb() {
        return new XGBoostTrainer(XGBoostParams.builder(5)
                .maxDepth(3)
                .subsample(0.7)
                .seed(1)
                .nthread(1)
                .build());
    }
}
