package dev.lathe.workflow;

import dev.lathe.core.LatheException;
import dev.lathe.core.StorageException;
import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.Tracker;
import dev.lathe.evaluation.monitor.MonitorBatch;
import dev.lathe.evaluation.monitor.MonitorHtml;
import dev.lathe.evaluation.monitor.MonitorJson;
import dev.lathe.evaluation.monitor.MonitorMetrics;
import dev.lathe.evaluation.monitor.MonitorReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Logs a monitoring comparison as one run of the monitoring experiment: the params that produced it, the
 * reference and current files as inputs (with their row counts), every batch's figures at its own step
 * (so that drift and accuracy plot over time), the overall figures at step 0, and the HTML and JSON
 * reports under {@value #REPORT_DIR}/.
 */
public final class TrackedMonitoring {
    /** The experiment monitoring runs go to unless told otherwise. */
    public static final String EXPERIMENT = "monitoring";
    /** The artifact folder of the reports. */
    public static final String REPORT_DIR = "monitoring";

    public static final String REFERENCE_CONTEXT = "reference";
    public static final String CURRENT_CONTEXT = "current";
    private static final String SOURCE = "lathe monitor";
    private static final int DIGEST_CHARS = 8;

    private TrackedMonitoring() {}

    /** Logs {@code report} (from {@code referenceFile} and {@code currentFile}) and returns the run id. */
    public static String log(
            Tracker store,
            String experiment,
            MonitorReport report,
            Path referenceFile,
            Path currentFile,
            Map<String, String> params) {
        String experimentId = store.getOrCreateExperiment(experiment);
        try (ActiveRun run = store.startRun(RunConvention.spec(experimentId, "monitor-" + report.current(), SOURCE)
                .build())) {
            try {
                run.logParams(params);
                run.logInput(input(referenceFile, report.referenceRows(), REFERENCE_CONTEXT));
                run.logInput(input(currentFile, report.currentRows(), CURRENT_CONTEXT));
                run.logMetrics(MonitorMetrics.overall(report), 0);
                List<MonitorBatch> batches = report.batches();
                for (int step = 0; step < batches.size(); step++) {
                    run.logMetrics(MonitorMetrics.batch(batches.get(step)), step);
                }
                run.logArtifact(
                        REPORT_DIR + "/report.html", MonitorHtml.render(report).getBytes(StandardCharsets.UTF_8));
                run.logArtifact(
                        REPORT_DIR + "/report.json", MonitorJson.render(report).getBytes(StandardCharsets.UTF_8));
                run.end(RunStatus.FINISHED);
                return run.runId();
            } catch (RuntimeException e) {
                RunConvention.failed(run, e);
                throw e;
            }
        }
    }

    private static DatasetInput input(Path file, int rows, String context) {
        return new DatasetInput(
                dev.lathe.core.recipe.TrainValid.datasetName(file), digest(file), file.toString(), null, rows, context);
    }

    /** The first characters of the file's SHA-256, as MLflow shortens dataset digests. */
    private static String digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, DIGEST_CHARS);
        } catch (IOException e) {
            throw new StorageException("could not read " + file + " for its digest: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new LatheException("SHA-256 is not available: " + e.getMessage(), e);
        }
    }
}
