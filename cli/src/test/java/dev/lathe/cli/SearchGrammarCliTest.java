package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.tracking.search.SearchLimits;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search input through the command line: a filter of 5,000 clauses (the 363 KB filter of issue 14 was
 * of this kind) is bad input, exit 2, with a one-line error naming the limit and no SQL; a key MLflow
 * does not search on ({@code lifecycle_stage}) is rejected as MLflow rejects it, not matched to nothing.
 */
class SearchGrammarCliTest {
    @TempDir
    Path store;

    private String oneRun() {
        try (SqliteTrackingStore s = SqliteTrackingStore.open(store)) {
            String experiment = s.createExperiment("limits", null, Map.of());
            return s.writeRuns(
                            List.of(RunWrite.create(RunSpec.builder(experiment).build(), 1_000L)
                                    .metric("validation_rmse", 5.0, 0, 1_000L)
                                    .end(RunStatus.FINISHED, 2_000L)
                                    .build()))
                    .get(0);
        }
    }

    private CliRun search(String filter, String... orderBy) {
        List<String> args = new java.util.ArrayList<>(
                List.of("runs", "search", "--filter", filter, "--store", store.toString(), "--print-id"));
        for (String o : orderBy) {
            args.addAll(List.of("--order-by", o));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void fiveThousandClausesAreBadInputWithAShortErrorAndNoSql() {
        oneRun();
        String filter = String.join(" and ", Collections.nCopies(5_000, "metrics.validation_rmse < 6.1"));
        CliRun r = search(filter, "metrics.validation_rmse ASC");
        assertEquals(
                2,
                r.code(),
                r.toString().substring(0, Math.min(2_000, r.toString().length())));
        assertEquals("", r.out());
        assertTrue(r.err().length() < 200, "short stderr: " + r.err().length() + " characters");
        assertFalse(r.err().contains("SELECT"), r.err());
        assertEquals(
                "lathe: error [INVALID_PARAMETER_VALUE]: A filter may have at most " + SearchLimits.MAX_CLAUSES
                        + " clauses joined by AND, got 5000",
                r.err().strip());
    }

    @Test
    void lifecycleStageIsNoRunAttributeAsInMlflow() {
        oneRun();
        CliRun r = search("attribute.lifecycle_stage = 'ACTIVE'");
        assertEquals(2, r.code(), r.toString());
        assertTrue(
                r.err()
                        .startsWith("lathe: error [INVALID_PARAMETER_VALUE]: Invalid attribute key 'lifecycle_stage'"
                                + " specified. Valid keys are [run_id, run_name, status, user_id, artifact_uri, start_time,"
                                + " end_time, created, Created, run name, Run name, Run Name]"),
                r.err());
    }

    @Test
    void theLargestAllowedFilterSearches() {
        String run = oneRun();
        String filter =
                String.join(" and ", Collections.nCopies(SearchLimits.MAX_CLAUSES, "metrics.validation_rmse < 6.1"));
        CliRun r = search(filter, "metrics.validation_rmse ASC");
        assertEquals(0, r.code(), r.err());
        assertEquals(run, r.out().strip());
    }
}
