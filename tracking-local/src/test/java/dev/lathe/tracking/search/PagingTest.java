package dev.lathe.tracking.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ViewType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page tokens (MLflow's base64 JSON offset) and result-size limits. */
class PagingTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tokenIsBase64JsonOffsetAsMlflowWritesIt() {
        // MLflow: base64.b64encode(json.dumps({"offset": 1000})) == b'eyJvZmZzZXQiOiAxMDAwfQ=='
        assertEquals("eyJvZmZzZXQiOiAxMDAwfQ==", PageToken.encode(1000));
        assertEquals(1000, PageToken.decode("eyJvZmZzZXQiOiAxMDAwfQ=="));
        assertEquals(7, PageToken.decode(b64("{\"offset\":\"7\"}")));
        assertEquals(0, PageToken.decode(null));
        assertEquals(0, PageToken.decode(""));
    }

    @Test
    void badTokensAreRejectedWithTheReason() {
        assertEquals(
                "Invalid page token '%%%': could not base64-decode it",
                assertThrows(LatheException.class, () -> PageToken.decode("%%%"))
                        .getMessage());
        String notJson = b64("hello");
        assertEquals(
                "Invalid page token '" + notJson + "': expected {\"offset\": N} inside, decoded 'hello'",
                assertThrows(LatheException.class, () -> PageToken.decode(notJson))
                        .getMessage());
        String zero = b64("{\"offset\": 0}");
        assertEquals(
                "Invalid page token '" + zero + "': offset must be in 1..2147483647, got 0",
                assertThrows(LatheException.class, () -> PageToken.decode(zero)).getMessage());
        assertEquals(
                "page token offset must be > 0, got -1",
                assertThrows(LatheException.class, () -> PageToken.encode(-1)).getMessage());
    }

    @Test
    void maxResultsDefaultsAndBounds() {
        assertEquals(1000, ResultLimit.RUNS.resolve(null));
        assertEquals(50_000, ResultLimit.RUNS.resolve(50_000));
        assertEquals(
                "maxResults for searching runs must be between 1 and 50000, got 50001",
                assertThrows(LatheException.class, () -> ResultLimit.RUNS.resolve(50_001))
                        .getMessage());
        assertEquals(
                "maxResults for searching runs must be between 1 and 50000, got 0",
                assertThrows(LatheException.class, () -> ResultLimit.RUNS.resolve(0))
                        .getMessage());
        assertEquals(100, ResultLimit.REGISTERED_MODELS.resolve(null));
        assertEquals(
                "maxResults for searching registered models must be between 1 and 1000, got 1001",
                assertThrows(LatheException.class, () -> RegisteredModelSearchQuery.build(null, null, 1001, null))
                        .getMessage());
    }

    @Test
    void queryCarriesLimitPlusOneAndOffsetBindings() {
        SqlQuery q = RunSearchQuery.build(List.of(3L), null, null, ViewType.ALL, 10, PageToken.encode(20));
        assertEquals(20, q.offset());
        assertEquals(10, q.limit());
        assertEquals(List.of(3L, "active", "deleted", 11, 20), q.bindings());
        assertEquals(
                "experimentIds must name at least one experiment, got []",
                assertThrows(
                                LatheException.class,
                                () -> RunSearchQuery.build(List.of(), null, null, ViewType.ALL, null, null))
                        .getMessage());
    }

    @Test
    void pageSplitsTheExtraRowIntoANextToken() {
        SqlQuery q = new SqlQuery("SELECT 1", List.of(), 4, 2);
        assertEquals(
                new SearchPage<>(List.of("a", "b"), java.util.Optional.of(PageToken.encode(6))),
                q.page(List.of("a", "b", "c")));
        assertEquals(new SearchPage<>(List.of("a", "b"), java.util.Optional.empty()), q.page(List.of("a", "b")));
    }
}
