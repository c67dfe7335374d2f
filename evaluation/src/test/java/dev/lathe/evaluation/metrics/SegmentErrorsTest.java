package dev.lathe.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentErrorsTest {
    private static final double TOL = 1e-12;

    // errors: A -> 1, -3 ; B -> 2 ; C -> 0.5, 0.5, -0.5
    private static final double[] Y_TRUE = {10, 20, 30, 40, 50, 60};
    private static final double[] Y_PRED = {9, 23, 28, 39.5, 49.5, 60.5};
    private static final String[] LABELS = {"A", "A", "B", "C", "C", "C"};

    @Test
    void computesCountMaeRmsePerSegmentByHand() {
        List<SegmentError> byLabel = SegmentErrors.compute(Y_TRUE, Y_PRED, LABELS, SegmentOrder.LABEL);
        assertEquals(
                List.of("A", "B", "C"),
                byLabel.stream().map(SegmentError::segment).toList());
        SegmentError a = byLabel.get(0);
        assertEquals(2, a.count());
        assertEquals(2.0, a.meanAbsoluteError(), TOL); // (1 + 3) / 2
        assertEquals(Math.sqrt(5.0), a.rootMeanSquaredError(), TOL); // sqrt((1 + 9) / 2)
        SegmentError c = byLabel.get(2);
        assertEquals(3, c.count());
        assertEquals(0.5, c.meanAbsoluteError(), TOL);
        assertEquals(0.5, c.rootMeanSquaredError(), TOL);
    }

    @Test
    void sortsByRequestedOrderAndFiltersSmallSegments() {
        assertEquals(
                List.of("A", "B", "C"),
                SegmentErrors.compute(Y_TRUE, Y_PRED, LABELS, SegmentOrder.WORST_RMSE_FIRST).stream()
                        .map(SegmentError::segment)
                        .toList());
        assertEquals(
                List.of("C", "A", "B"),
                SegmentErrors.compute(Y_TRUE, Y_PRED, LABELS, SegmentOrder.LARGEST_FIRST).stream()
                        .map(SegmentError::segment)
                        .toList());
        assertEquals(
                List.of("C", "A"),
                SegmentErrors.compute(Y_TRUE, Y_PRED, LABELS, SegmentOrder.LARGEST_FIRST, 2).stream()
                        .map(SegmentError::segment)
                        .toList());
    }

    @Test
    void rejectsMismatchedLabels() {
        LatheException e = assertThrows(
                LatheException.class,
                () -> SegmentErrors.compute(Y_TRUE, Y_PRED, new String[] {"A"}, SegmentOrder.LABEL));
        assertEquals("segment labels must have one label per row: 1 labels for 6 rows", e.getMessage());
    }
}
