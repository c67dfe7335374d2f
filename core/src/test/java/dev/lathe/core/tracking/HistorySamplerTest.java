package dev.lathe.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * {@link HistorySampler} against a brute-force reading of its rule: at most the budget, the first and
 * last points, and for every step interval the smallest and largest value of the points inside it.
 */
class HistorySamplerTest {

    @Property(tries = 200)
    void keepsEndsAndEveryIntervalsExtremesWithinBudget(
            @ForAll @IntRange(min = 1, max = 3_000) int size,
            @ForAll @IntRange(min = 1, max = 400) int budget,
            @ForAll @IntRange(min = 1, max = 5) int stepStride,
            @ForAll @LongRange(min = -1_000, max = 1_000) long seed) {
        List<Metric> history = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            double v = random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian();
            history.add(new Metric("m", v, i, (long) i / stepStride));
        }
        List<Metric> sample = HistorySampler.sample(history, budget);
        if (size <= budget) {
            assertEquals(history, sample);
            return;
        }
        assertTrue(sample.size() <= budget, sample.size() + " > " + budget);
        assertEquals(history.get(0), sample.get(0));
        if (budget > 1) {
            assertEquals(history.get(size - 1), sample.get(sample.size() - 1));
        }
        int buckets = (budget - 2) / 2;
        long first = history.get(0).step();
        double span = history.get(size - 1).step() - first + 1.0;
        for (int b = 0; b < buckets; b++) {
            Metric lo = null;
            Metric hi = null;
            for (Metric m : history.subList(1, size - 1)) {
                int bucket = (int) Math.min(buckets - 1, Math.floor((m.step() - first) / span * buckets));
                if (bucket == b && !Double.isNaN(m.value())) {
                    lo = lo == null || m.value() < lo.value() ? m : lo;
                    hi = hi == null || m.value() > hi.value() ? m : hi;
                }
            }
            if (lo != null) {
                assertTrue(containsSame(sample, lo), "interval " + b + " keeps its min " + lo);
                assertTrue(containsSame(sample, hi), "interval " + b + " keeps its max " + hi);
            }
        }
        for (int i = 1; i < sample.size(); i++) {
            assertTrue(sample.get(i - 1).timestamp() < sample.get(i).timestamp(), "history order, no repeats");
        }
    }

    private static boolean containsSame(List<Metric> sample, Metric m) {
        return sample.stream().anyMatch(s -> s == m);
    }

    @Property(tries = 200)
    void intervalStartsBoundExactlyTheStepsOfEachInterval(
            @ForAll @LongRange(min = -5_000, max = 5_000) long first,
            @ForAll @IntRange(min = 0, max = 4_000) int length,
            @ForAll @IntRange(min = 4, max = 600) int budget) {
        HistorySampler s = new HistorySampler(first, first + length, budget);
        for (int i = 0; i < s.intervals(); i++) {
            for (long step = s.intervalStart(i); step < s.intervalStart(i + 1); step++) {
                assertEquals(i, s.intervalOf(step), "step " + step);
            }
        }
        assertEquals(first, s.intervalStart(0));
        assertEquals(first + length + 1, s.intervalStart(s.intervals()));
    }

    @Test
    void aBudgetBelowOneOrAnInvertedRangeIsRefused() {
        LatheException budget = assertThrows(LatheException.class, () -> new HistorySampler(0, 10, 0));
        assertTrue(budget.getMessage().contains("at least 1 point, got 0"), budget.getMessage());
        LatheException range = assertThrows(LatheException.class, () -> new HistorySampler(5, 4, 10));
        assertTrue(range.getMessage().contains("first step 5 is after its last step 4"), range.getMessage());
    }

    @Test
    void aMillionPointsBecomeTheBudgetWithTheSpike() {
        HistorySampler s = new HistorySampler(0, 999_999, 1_000);
        for (int step = 0; step < 1_000_000; step++) {
            s.accept(new Metric("loss", step == 333_333 ? 50 : 1.0 / (1 + step), step, step));
        }
        List<Metric> points = s.points();
        assertEquals(1_000, points.size());
        assertTrue(points.stream().anyMatch(m -> m.value() == 50 && m.step() == 333_333));
    }
}
