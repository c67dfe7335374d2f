package dev.lathe.tracking.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.queue.ClaimResult;
import dev.lathe.core.tracking.queue.QueueSpec;
import dev.lathe.core.tracking.queue.QueuedTrial;
import dev.lathe.core.tracking.queue.TrialClaim;
import dev.lathe.core.tracking.queue.TrialQueue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's trial queue claims with {@code FOR UPDATE SKIP LOCKED}: a trial row another transaction
 * holds is passed over (not waited for), and heartbeats are stamped with the server's clock.
 */
class PostgresTrialQueueTest {
    @TempDir
    Path dir;

    @Test
    void aClaimPassesOverATrialAnotherTransactionHoldsInsteadOfWaiting() throws Exception {
        String schema = PostgresTestServer.freshSchema();
        try (PostgresTrackingStore store =
                        PostgresTrackingStore.open(PostgresTestServer.storeUrl(schema, dir.resolve("a")));
                Connection other = PostgresTestServer.connect()) {
            TrialQueue q = store.trialQueue();
            q.create("s", new QueueSpec(3, 3, 0));
            q.enqueue("s", 0, List.of(new QueuedTrial(0, "{}"), new QueuedTrial(1, "{}"), new QueuedTrial(2, "{}")));
            other.setAutoCommit(false);
            try (Statement st = other.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT number FROM " + schema + ".lathe_queue_trials WHERE number = 0 FOR UPDATE")) {
                assertTrue(rs.next());
                TrialClaim claim = assertTimeoutPreemptively(
                                Duration.ofSeconds(20),
                                () -> assertInstanceOf(
                                        ClaimResult.Run.class, q.claim("s", "w1", Duration.ofMinutes(1))))
                        .claim();
                assertEquals(1, claim.number(), "trial 0 is held by another transaction: the next one is claimed");
                other.rollback();
            }
            TrialClaim next = assertInstanceOf(ClaimResult.Run.class, q.claim("s", "w2", Duration.ofMinutes(1)))
                    .claim();
            assertEquals(0, next.number(), "released, trial 0 is claimed next");
            try (Statement st = other.createStatement();
                    ResultSet rs = st.executeQuery("SELECT heartbeat_time, CAST(EXTRACT(EPOCH FROM"
                            + " clock_timestamp()) * 1000 AS BIGINT) FROM " + schema
                            + ".lathe_queue_trials WHERE number = 0")) {
                assertTrue(rs.next());
                long age = rs.getLong(2) - rs.getLong(1);
                assertTrue(age >= 0 && age < 60_000, "stamped by the server's clock, " + age + " ms ago");
            }
            other.commit();
        }
    }
}
