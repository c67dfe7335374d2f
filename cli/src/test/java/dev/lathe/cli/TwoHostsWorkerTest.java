package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.cli.TwoHosts.Host;
import dev.lathe.core.tracking.StoreAddress;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.queue.QueueEntry;
import dev.lathe.core.tracking.queue.QueueState;
import dev.lathe.tracking.sqlite.SqliteTrackingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers on another host: {@code lathe search --distributed} started on a database host (a network
 * namespace whose PostgreSQL listens only on its veth address), two {@code lathe worker} JVMs on a worker
 * host (another namespace, joined to the first by the veth pair alone) serve it to the one-process
 * search's trials, params and scores; artifacts go to a shared directory (standing for NFS or an object
 * store). Needs root and {@code ip netns} ({@code scripts/two-hosts.sh}); skipped, saying why, without.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoHostsWorkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHILD_JVM = List.of("-Xmx512m");
    /** A closed-form trainer: the test is about the hosts, and stays quick on a loaded machine. */
    private static final String TRAINER = "ridge";

    @TempDir
    Path tmp;

    @Test
    void workersOnAnotherHostServeTheSearchToTheOneProcessTrials() throws Exception {
        try (TwoHosts hosts = TwoHosts.up()) {
            assertFalse(
                    hosts.reaches(Host.WORKER, "127.0.0.1", hosts.port()),
                    "the worker host's loopback is its own: no server there");
            assertFalse(
                    hosts.reaches(Host.DB, "127.0.0.1", hosts.port()),
                    "the server listens only on the database host's veth address");
            assertTrue(
                    hosts.reaches(Host.WORKER, hosts.address(), hosts.port()),
                    "the worker host reaches the server at " + hosts.address());

            Path one = tmp.resolve("one");
            CliRun inProcess = CliRun.of(DistributedSearches.search(TRAINER, one.toString()));
            assertEquals(0, inProcess.code(), inProcess.toString());

            Path artifacts = tmp.resolve("shared-artifacts");
            String store = hosts.url() + "?artifacts=" + artifacts;
            CliRun started = CliRun.inChildJvm(
                    hosts.in(Host.DB),
                    Files.createDirectories(tmp.resolve("db-host")),
                    CHILD_JVM,
                    LatheCli.class,
                    DistributedSearches.search(TRAINER, store, "--distributed"));
            assertEquals(0, started.code(), started.toString());
            String parent = JSON.readTree(started.out()).get("parent_run_id").asText();

            String[] worker = {
                "worker", "--store", store, "--search", parent, "--heartbeat", "1s", "--grace", "30s", "--json"
            };
            List<CompletableFuture<CliRun>> workers =
                    List.of(onWorkerHost(hosts, "worker-1", worker), onWorkerHost(hosts, "worker-2", worker));
            for (CompletableFuture<CliRun> w : workers) {
                CliRun done = w.get(3, TimeUnit.MINUTES);
                assertEquals(0, done.code(), done.toString());
                assertEquals(
                        DistributedSearches.TRIALS,
                        JSON.readTree(done.out()).get("trials").asInt(),
                        done.toString());
            }

            String oneParent =
                    JSON.readTree(inProcess.out()).get("parent_run_id").asText();
            try (UnixSocketRelay relay = new UnixSocketRelay(hosts.socket());
                    TrackingStore served = StoreAddress.of(
                                    hosts.urlAt("127.0.0.1", relay.port()) + "?artifacts=" + artifacts)
                            .open();
                    SqliteTrackingStore oneProcess = SqliteTrackingStore.open(one)) {
                DistributedSearches.assertServedAsInProcess(oneProcess, oneParent, served, parent);
                for (QueueEntry e : served.trialQueue().entries(parent)) {
                    assertEquals(QueueState.DONE, e.state(), e.toString());
                }
            }
        }
    }

    private CompletableFuture<CliRun> onWorkerHost(TwoHosts hosts, String name, String... args) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return CliRun.inChildJvm(hosts.in(Host.WORKER), dir, CHILD_JVM, LatheCli.class, args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
