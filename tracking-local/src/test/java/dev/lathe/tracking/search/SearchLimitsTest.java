package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.StorageException;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of a search's input against a real store: the largest filter and order the limits allow
 * run end to end (unordered, and ordered so that the statement is a union of four arms, each repeating
 * every clause), one more clause, list value or order term is a clear {@link InvalidParameterException}
 * naming the limit and the value, and no error ever carries the generated SQL or a whole huge input.
 */
class SearchLimitsTest {
    @TempDir
    static Path dir;

    private static SqliteTrackingStore store;
    private static List<String> experiment;
    private static String hit;

    @BeforeAll
    static void fill() {
        store = SqliteTrackingStore.open(dir);
        experiment = List.of(store.createExperiment("limits", null, Map.of()));
        List<RunWrite> writes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RunWrite.Builder w = RunWrite.create(
                    RunSpec.builder(experiment.get(0)).runName("run-" + i).build(), 1_000L + i);
            if (i == 0) {
                w.metric("m", 1.0, 0, 1_000L).param("p", "x").tag("t", "y");
            }
            writes.add(w.end(RunStatus.FINISHED, 2_000L).build());
        }
        hit = store.writeRuns(writes).get(0);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** {@code n} clauses that all hold for the first run only, of every kind the SQL nests differently. */
    private static List<String> clauses(int n) {
        List<String> kinds = List.of(
                "metrics.m > 0",
                "params.p = 'x'",
                "tags.t LIKE 'y%'",
                "attributes.start_time >= 1000",
                "tags.t IS NOT NULL",
                "run_name ILIKE 'RUN-%'");
        return IntStream.range(0, n).mapToObj(i -> kinds.get(i % kinds.size())).collect(Collectors.toList());
    }

    private static List<String> search(String filter, List<String> orderBy) {
        return store.searchRuns(experiment, filter, orderBy, 10, null, ViewType.ALL).items().stream()
                .map((Run r) -> r.info().runId())
                .toList();
    }

    /** The run_id list of {@code n} values, the hit among them. */
    private static String runIdList(int n) {
        List<String> ids = new ArrayList<>();
        ids.add(hit);
        for (int i = 1; i < n; i++) {
            ids.add("r" + i);
        }
        return "run_id IN (" + ids.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + ")";
    }

    private static List<String> orderTerms(int n) {
        return IntStream.range(0, n).mapToObj(i -> "metrics.`m" + i + "` DESC").toList();
    }

    @Test
    void theLargestAllowedSearchRunsEndToEnd() {
        List<String> clauses = clauses(SearchLimits.MAX_CLAUSES - 1);
        clauses.add(runIdList(SearchLimits.MAX_LIST_VALUES));
        String filter = String.join(" and ", clauses);
        assertEquals(List.of(hit), search(filter, List.of()));
        assertEquals(List.of(hit), search(filter, orderTerms(SearchLimits.MAX_ORDER_TERMS)));
        List<String> byParam = new ArrayList<>(orderTerms(SearchLimits.MAX_ORDER_TERMS - 1));
        byParam.add(0, "params.p ASC");
        assertEquals(List.of(hit), search(filter, byParam));
    }

    @Test
    void theLongestClausesAtTheLimitCompile() {
        List<String> kinds =
                List.of("datasets.context = 'training'", "datasets.name IN ('a', 'b')", "dataset.digest LIKE 'x%'");
        String filter = IntStream.range(0, SearchLimits.MAX_CLAUSES)
                .mapToObj(i -> kinds.get(i % kinds.size()))
                .collect(Collectors.joining(" AND "));
        assertEquals(List.of(), search(filter, orderTerms(SearchLimits.MAX_ORDER_TERMS)), "no run has a dataset");
        assertEquals(List.of(), search(filter, List.of()));
    }

    @Test
    void oneClauseMoreIsRejectedWithTheLimitAndTheCount() {
        String filter = String.join(" AND ", clauses(SearchLimits.MAX_CLAUSES + 1));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> search(filter, List.of()));
        assertEquals(
                "A filter may have at most " + SearchLimits.MAX_CLAUSES + " clauses joined by AND, got "
                        + (SearchLimits.MAX_CLAUSES + 1),
                e.getMessage());
    }

    @Test
    void oneListValueMoreIsRejected() {
        String filter = runIdList(SearchLimits.MAX_LIST_VALUES + 1);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> search(filter, List.of()));
        assertTrue(
                e.getMessage()
                        .startsWith("A filter's lists may hold at most " + SearchLimits.MAX_LIST_VALUES
                                + " values in all, got " + (SearchLimits.MAX_LIST_VALUES + 1)),
                e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void oneOrderTermMoreIsRejected() {
        InvalidParameterException e = assertThrows(
                InvalidParameterException.class, () -> search(null, orderTerms(SearchLimits.MAX_ORDER_TERMS + 1)));
        assertEquals(
                "order_by may have at most " + SearchLimits.MAX_ORDER_TERMS + " clauses, got "
                        + (SearchLimits.MAX_ORDER_TERMS + 1),
                e.getMessage());
    }

    @Test
    void fiveThousandClausesGiveAShortErrorWithoutSql() {
        String filter = String.join(" and ", clauses(5_000));
        InvalidParameterException e =
                assertThrows(InvalidParameterException.class, () -> search(filter, List.of("metrics.m DESC")));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertFalse(e.getMessage().contains("SELECT"), e.getMessage());
    }

    @Test
    void aTooLongFilterIsRejectedBeforeItIsRead() {
        String filter = "tags.t = '" + "x".repeat(SearchLimits.MAX_FILTER_LENGTH) + "'";
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> search(filter, List.of()));
        assertEquals(
                "A filter may be at most " + SearchLimits.MAX_FILTER_LENGTH + " characters long, got "
                        + filter.length(),
                e.getMessage());
    }

    @Test
    void errorsInALongFilterQuoteOnlyTheNeighbourhoodOfTheError() {
        String filter =
                String.join(" and ", clauses(400)) + " and metrics.m > 1; and " + String.join(" and ", clauses(50));
        String message = assertThrows(InvalidParameterException.class, () -> search(filter, List.of()))
                .getMessage();
        int at = filter.indexOf(';') + 1;
        assertTrue(message.startsWith("Unexpected character ';' at position " + at + " in filter '..."), message);
        assertTrue(message.contains("metrics.m > 1; and "), message);
        assertTrue(message.endsWith("...' (" + filter.length() + " characters)"), message);
        assertTrue(message.length() < 300, message);
    }

    @Test
    void aFailedSearchStatementNamesTheOperationNotTheSql() throws Exception {
        try (SearchTestDb db = new SearchTestDb()) {
            SqlQuery broken = new SqlQuery("SELECT run_uuid FROM no_such_table LIMIT ? OFFSET ?", List.of(2, 0), 0, 1);
            StorageException e =
                    assertThrows(StorageException.class, () -> broken.execute(db.connection, rs -> rs.getString(1)));
            assertTrue(e.getMessage().startsWith("Search query failed: "), e.getMessage());
            assertFalse(e.getMessage().contains("SELECT"), e.getMessage());
        }
    }
}
