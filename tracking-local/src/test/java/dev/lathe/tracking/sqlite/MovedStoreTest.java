package dev.lathe.tracking.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.artifacts.LocalArtifactRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store is self-contained: copied or moved ({@code cp -r A B; rm -r A}), every artifact, {@code
 * runs:/} and {@code models:/} URI stays reachable from the copy, and nothing is ever written to the
 * original path again; stores written with absolute paths (schema before migration 5) migrate.
 */
class MovedStoreTest {
    private static final byte[] MODEL = "model bytes".getBytes(StandardCharsets.UTF_8);

    /** What {@link #fill} logged, to find it again in the copy. */
    private record Logged(String experimentId, String runId) {}

    @Test
    void copiedStoreKeepsEveryArtifactAndUriAndNeverWritesIntoTheOriginal(@TempDir Path dir) throws IOException {
        Path original = dir.resolve("A");
        Path copy = dir.resolve("B");
        Logged logged;
        try (SqliteTrackingStore store = SqliteTrackingStore.open(original)) {
            logged = fill(store);
        }
        copyTree(original, copy);
        deleteTree(original);

        try (SqliteTrackingStore store = SqliteTrackingStore.open(copy)) {
            checkReachable(store, copy, logged);
        }
        assertFalse(Files.exists(original), "the copy re-created the original store at " + original);
    }

    @Test
    void oldStoreWithAbsolutePathsMigratesAndKeepsWorkingAfterAMove(@TempDir Path dir) throws IOException {
        Path original = dir.resolve("old");
        Path moved = dir.resolve("moved");
        Logged logged;
        // Every migration but 5 (a store written before it landed; 6 landed first).
        List<Migration> beforeRelativePaths =
                Schema.migrations().stream().filter(m -> m.version() != 5).toList();
        try (SqliteTrackingStore store = SqliteTrackingStore.open(original, beforeRelativePaths)) {
            logged = fill(store);
            // As Lathe wrote them before migration 5: every recorded location absolute under the store.
            String prefix = store.root() + "/";
            store.db().execute(c -> {
                Sql.update(c, "UPDATE experiments SET artifact_location = ? || artifact_location", prefix);
                Sql.update(c, "UPDATE runs SET artifact_uri = ? || artifact_uri", prefix);
                Sql.update(c, "UPDATE model_versions SET source = ? || source WHERE source NOT LIKE 'runs:/%'", prefix);
            });
            assertTrue(store.getRun(logged.runId).info().artifactUri().startsWith(prefix));
        }
        Files.move(original, moved);

        try (SqliteTrackingStore store = SqliteTrackingStore.open(moved)) {
            assertEquals(
                    List.of("artifacts/0", "artifacts/" + logged.experimentId),
                    store.db()
                            .read(c -> Sql.query(
                                    c,
                                    "SELECT artifact_location FROM experiments ORDER BY experiment_id",
                                    rs -> rs.getString(1))));
            assertEquals(
                    "artifacts/" + logged.experimentId + "/" + logged.runId + "/artifacts",
                    store.db().read(c -> Sql.queryOne(
                                    c,
                                    "SELECT artifact_uri FROM runs WHERE run_uuid = ?",
                                    rs -> rs.getString(1),
                                    logged.runId)
                            .orElseThrow()));
            checkReachable(store, moved, logged);
        }
        assertFalse(Files.exists(original), "the moved store re-created its old path " + original);
    }

    private static Logged fill(SqliteTrackingStore store) throws IOException {
        String exp = store.createExperiment("taxi", null, Map.of());
        String runId;
        try (ActiveRun run = store.startRun(RunSpec.builder(exp).build())) {
            runId = run.runId();
            run.logArtifact("model/model.lathe", MODEL);
        }
        ModelRegistry registry = store.registry();
        registry.createRegisteredModel("taxi-model", null, Map.of());
        registry.createModelVersion("taxi-model", "runs:/" + runId + "/model/model.lathe", runId, null, Map.of());
        // A source given as an absolute path inside the store (as MLflow's storage location would be).
        String absolute = store.artifactPath(runId, "model/model.lathe").toString();
        registry.createModelVersion("taxi-model", absolute, runId, null, Map.of());
        return new Logged(exp, runId);
    }

    private static void checkReachable(SqliteTrackingStore store, Path root, Logged logged) {
        RunInfo info = store.getRun(logged.runId).info();
        assertTrue(info.artifactUri().startsWith(root.toString()), info.artifactUri());
        // Filters and orders on artifact_uri compare what the API returns, not the stored relative form.
        for (String filter : List.of(
                "attributes.artifact_uri = '" + info.artifactUri() + "'",
                "attributes.artifact_uri LIKE '" + root + "/%'")) {
            List<Run> found = store.searchRuns(
                            List.of(logged.experimentId),
                            filter,
                            List.of("attributes.artifact_uri"),
                            10,
                            null,
                            ViewType.ALL)
                    .items();
            assertEquals(
                    List.of(logged.runId),
                    found.stream().map(r -> r.info().runId()).toList(),
                    filter);
        }
        assertTrue(
                store.getExperiment(logged.experimentId).artifactLocation().startsWith(root.toString()),
                store.getExperiment(logged.experimentId).artifactLocation());
        assertArrayEquals(MODEL, store.readArtifact(logged.runId, "model/model.lathe"));
        assertEquals(1, store.listArtifacts(logged.runId, "model").size());
        ModelRegistry registry = store.registry();
        for (String uri : List.of(
                "runs:/" + logged.runId + "/model/model.lathe", "models:/taxi-model/1", "models:/taxi-model/2")) {
            Path p = registry.resolve(uri);
            assertTrue(p.startsWith(root), uri + " resolved to " + p);
            assertTrue(Files.isRegularFile(p), uri + " resolved to " + p);
        }
        assertTrue(registry.getModelVersion("taxi-model", 2).source().startsWith(root.toString()));

        String next;
        try (ActiveRun run = store.startRun(RunSpec.builder(logged.experimentId).build())) {
            next = run.runId();
            run.logArtifact("again.txt", MODEL);
        }
        Path written = store.artifactPath(next, "again.txt");
        assertTrue(written.startsWith(root) && Files.isRegularFile(written), written.toString());
        String fresh = store.createExperiment("after-the-move", null, Map.of());
        assertTrue(store.getExperiment(fresh).artifactLocation().startsWith(root.toString()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        LocalArtifactRepository.copyTree(from, to);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
