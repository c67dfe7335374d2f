package dev.lathe.tracking.export;

import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.LifecycleStage;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MlflowDatasetJson;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.core.tracking.ViewType;
import dev.lathe.tracking.artifacts.LocalArtifactRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports a store to MLflow's file-store layout, so that {@code mlflow ui --backend-store-uri <dir>}
 * shows Lathe's runs: {@code <dir>/<exp_id>/meta.yaml}, {@code <dir>/<exp_id>/<run_id>/meta.yaml},
 * {@code params/<key>}, {@code metrics/<key>} (lines "timestamp value step"), {@code tags/<key>} and
 * {@code artifacts/}, dataset inputs under {@code datasets/} and {@code inputs/} (source, schema and
 * profile in MLflow's JSON forms, {@link MlflowDatasetJson}), deleted runs with their {@code
 * deleted_time}, and the model registry under {@code models/} ({@link RegistryExporter}). Deleted
 * experiments go to {@code <dir>/.trash/<exp_id>}, as MLflow keeps them.
 */
public final class MlflowFileStoreExporter {
    private static final int PAGE = 1000;
    private static final String ARTIFACTS = "artifacts";

    private final TrackingStore store;

    public MlflowFileStoreExporter(TrackingStore store) {
        this.store = store;
    }

    /** Writes every experiment, run and registered model into {@code mlrunsDir}. */
    public ExportSummary export(Path mlrunsDir) {
        int runs = 0;
        Map<String, Path> runDirs = new HashMap<>();
        try {
            Files.createDirectories(mlrunsDir);
            List<Experiment> experiments = store.listExperiments(ViewType.ALL);
            for (Experiment e : experiments) {
                Path expDir = experimentDir(mlrunsDir, e);
                writeExperiment(e, expDir);
                String token = null;
                do {
                    Page<Run> page =
                            store.searchRuns(List.of(e.experimentId()), "", List.of(), PAGE, token, ViewType.ALL);
                    for (Run r : page.items()) {
                        Path runDir = expDir.resolve(r.info().runId());
                        writeRun(r, runDir);
                        runDirs.put(r.info().runId(), runDir);
                        runs++;
                    }
                    token = page.nextPageToken().orElse(null);
                } while (token != null);
            }
            int models = new RegistryExporter(store.registry(), runId -> Optional.ofNullable(runDirs.get(runId))
                            .map(dir -> dir.resolve(ARTIFACTS)))
                    .export(mlrunsDir);
            return new ExportSummary(experiments.size(), runs, models);
        } catch (IOException ex) {
            throw new StorageException("cannot export tracking store to " + mlrunsDir + ": " + ex, ex);
        }
    }

    private static Path experimentDir(Path mlrunsDir, Experiment e) {
        return e.lifecycleStage() == LifecycleStage.DELETED
                ? mlrunsDir.resolve(".trash").resolve(e.experimentId())
                : mlrunsDir.resolve(e.experimentId());
    }

    private void writeExperiment(Experiment e, Path dir) throws IOException {
        Files.createDirectories(dir);
        String meta = "artifact_location: "
                + YamlScalars.string(dir.toAbsolutePath().toUri().toString()) + "\n"
                + "creation_time: " + e.creationTime() + "\n"
                + "experiment_id: " + YamlScalars.string(e.experimentId()) + "\n"
                + "last_update_time: " + e.lastUpdateTime() + "\n"
                + "lifecycle_stage: " + e.lifecycleStage().dbValue() + "\n"
                + "name: " + YamlScalars.string(e.name()) + "\n";
        FileWrites.text(dir.resolve("meta.yaml"), meta);
        for (Map.Entry<String, String> t : e.tags().entrySet()) {
            FileWrites.text(dir.resolve("tags").resolve(t.getKey()), t.getValue());
        }
    }

    private void writeRun(Run run, Path dir) throws IOException {
        RunInfo i = run.info();
        Path artifacts = dir.resolve(ARTIFACTS);
        Files.createDirectories(artifacts);
        String deleted =
                i.deletedTime().isPresent() ? "deleted_time: " + i.deletedTime().getAsLong() + "\n" : "";
        String meta = "artifact_uri: "
                + YamlScalars.string(artifacts.toAbsolutePath().toUri().toString()) + "\n"
                + deleted
                + "end_time: "
                + (i.endTime().isPresent() ? Long.toString(i.endTime().getAsLong()) : "null") + "\n"
                + "entry_point_name: ''\n"
                + "experiment_id: " + YamlScalars.string(i.experimentId()) + "\n"
                + "lifecycle_stage: " + i.lifecycleStage().dbValue() + "\n"
                + "run_id: " + YamlScalars.string(i.runId()) + "\n"
                + "run_name: " + YamlScalars.string(i.runName()) + "\n"
                + "run_uuid: " + YamlScalars.string(i.runId()) + "\n"
                + "source_name: ''\n"
                + "source_type: 4\n"
                + "source_version: ''\n"
                + "start_time: " + i.startTime() + "\n"
                + "status: " + statusCode(i.status()) + "\n"
                + "tags: []\n"
                + "user_id: " + YamlScalars.string(i.userId()) + "\n";
        FileWrites.text(dir.resolve("meta.yaml"), meta);
        for (Map.Entry<String, String> p : run.data().params().entrySet()) {
            FileWrites.text(dir.resolve("params").resolve(p.getKey()), p.getValue());
        }
        for (Map.Entry<String, String> t : run.data().tags().entrySet()) {
            FileWrites.text(dir.resolve("tags").resolve(t.getKey()), t.getValue());
        }
        for (String key : run.data().latestMetrics().keySet()) {
            StringBuilder lines = new StringBuilder();
            for (Metric m : store.getMetricHistory(i.runId(), key)) {
                lines.append(m.timestamp())
                        .append(' ')
                        .append(PythonFloat.repr(m.value()))
                        .append(' ')
                        .append(m.step())
                        .append('\n');
            }
            FileWrites.text(dir.resolve("metrics").resolve(key), lines.toString());
        }
        for (DatasetInput d : run.inputs().datasets()) {
            writeInput(d, dir.getParent(), dir, i.runId());
        }
        Path source = Path.of(i.artifactUri());
        if (Files.isDirectory(source)) {
            LocalArtifactRepository.copyTree(source, artifacts);
        }
    }

    /**
     * As MLflow's FileStore ({@code log_inputs}; a deleted run keeps {@code deleted_time}, which MLflow's
     * {@code _overwrite_run_info} writes and omits for active runs): the dataset under {@code <exp>/datasets/md5(name+digest)/meta.yaml}, the
     * link under {@code <run>/inputs/md5(dataset_id+run_id)/meta.yaml} with the context as input tag.
     */
    private static void writeInput(DatasetInput d, Path expDir, Path runDir, String runId) throws IOException {
        String datasetId = md5(d.name() + d.digest());
        String dataset = "digest: " + YamlScalars.string(d.digest()) + "\n"
                + "name: " + YamlScalars.string(d.name()) + "\n"
                + "profile: " + YamlScalars.string(MlflowDatasetJson.profile(d.rows())) + "\n"
                + "schema: " + YamlScalars.string(MlflowDatasetJson.schema(d.schema())) + "\n"
                + "source: " + YamlScalars.string(MlflowDatasetJson.source(d.source())) + "\n"
                + "source_type: " + MlflowDatasetJson.SOURCE_TYPE + "\n";
        FileWrites.text(expDir.resolve("datasets").resolve(datasetId).resolve("meta.yaml"), dataset);
        String tags = d.context() == null
                ? "tags: {}\n"
                : "tags:\n  " + MlflowTags.DATASET_CONTEXT + ": " + YamlScalars.string(d.context(), 4) + "\n";
        String input = "destination_id: " + YamlScalars.string(runId) + "\n"
                + "destination_type: RUN\n"
                + "source_id: " + YamlScalars.string(datasetId) + "\n"
                + "source_type: DATASET\n"
                + tags;
        FileWrites.text(runDir.resolve("inputs").resolve(md5(datasetId + runId)).resolve("meta.yaml"), input);
    }

    /** Lower-case hex MD5 of the UTF-8 bytes, as MLflow derives dataset and input ids. */
    public static String md5(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new LatheException("MD5 is not available in this JVM: " + e, e);
        }
    }

    /** MLflow's RunStatus numbers: RUNNING 1, SCHEDULED 2, FINISHED 3, FAILED 4, KILLED 5. */
    static int statusCode(RunStatus s) {
        return switch (s) {
            case RUNNING -> 1;
            case SCHEDULED -> 2;
            case FINISHED -> 3;
            case FAILED -> 4;
            case KILLED -> 5;
        };
    }
}
