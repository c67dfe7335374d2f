package dev.lathe.tuning.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.LatheException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrialTagsTest {
    /** MLflow's tag value limit. */
    private static final int MAX_TAG_VALUE_LENGTH = 8000;

    @Test
    void intermediateValuesRoundTripExactlyAcrossChunks() {
        SplittableRandom rng = new SplittableRandom(5);
        SortedMap<Long, Double> values = new TreeMap<>();
        for (long step = 0; step < 1000; step++) {
            values.put(step, rng.nextDouble() * 1e3);
        }
        List<String> chunks = TrialTags.encodeIntermediate(values);
        assertTrue(chunks.size() > 1, "1000 steps need several chunks");
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            assertTrue(chunks.get(i).length() <= MAX_TAG_VALUE_LENGTH);
            tags.put(TrialTags.INTERMEDIATE_PREFIX + i, chunks.get(i));
        }
        assertEquals(values, TrialTags.decodeIntermediate(tags, chunks.size(), "run-1"));
        assertEquals(List.of(), TrialTags.encodeIntermediate(new TreeMap<>()));
    }

    @Test
    void outcomeRoundTripsAndRejectsMalformedText() {
        String text = TrialTags.outcome("PRUNED", 0.1 + 0.2, 3);
        String[] f = TrialTags.parseOutcome(text, "run-1");
        assertEquals("PRUNED", f[0]);
        assertEquals(0.1 + 0.2, Double.parseDouble(f[1]), 0.0);
        assertEquals("3", f[2]);
        LatheException e = assertThrows(LatheException.class, () -> TrialTags.parseOutcome("COMPLETE", "run-9"));
        assertTrue(e.getMessage().contains("run-9") && e.getMessage().contains("'COMPLETE'"), e.getMessage());
    }
}
