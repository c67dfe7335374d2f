package dev.lathe.tracking.sqlite;

import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.RunWrite;
import dev.lathe.tracking.validation.EntityValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of a {@link JdbcTrackingStore} that create, reopen and fill runs, each in one write
 * transaction: a run this handle starts is claimed for it (its liveness), and the heartbeat starts once
 * the claim has committed.
 */
final class RunWrites {
    private final Database db;
    private final RunDao runs;
    private final RunDataDao data;
    private final AsyncMetricWriter writer;
    private final RunBatchWriter batches;
    private final RunLiveness liveness;
    private final StoreArtifacts artifacts;

    RunWrites(
            Database db,
            RunDao runs,
            RunDataDao data,
            AsyncMetricWriter writer,
            RunLiveness liveness,
            StoreArtifacts artifacts) {
        this.db = db;
        this.runs = runs;
        this.data = data;
        this.writer = writer;
        this.batches = new RunBatchWriter(runs);
        this.liveness = liveness;
        this.artifacts = artifacts;
    }

    RunInfo create(RunSpec spec) {
        RunInfo info = db.write(c -> {
            RunInfo created = runs.create(c, spec);
            liveness.claim(c, created.runId());
            return created;
        });
        liveness.beatIfOwning();
        return info;
    }

    RunInfo reopen(String runId) {
        RunInfo info = db.write(c -> {
            RunInfo reopened = runs.reopen(c, runId);
            liveness.claim(c, runId);
            return reopened;
        });
        liveness.beatIfOwning();
        return info;
    }

    /** As {@link JdbcTrackingStore#writeRuns}: all of the batch, artifacts included, or none of it. */
    List<String> batch(List<RunWrite> writes) {
        LatheException.check(writes != null, "run writes must not be null");
        RunBatchWriter.validate(writes);
        List<String> ending = new ArrayList<>();
        for (RunWrite w : writes) {
            if (w.runId().isPresent() && w.endStatus().isPresent()) {
                ending.add(w.runId().get());
            }
        }
        writer.flush(ending);
        List<String> written = db.write(c -> {
            List<String> ids = batches.apply(c, writes);
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i).create().isPresent()
                        && writes.get(i).endStatus().isEmpty()) {
                    liveness.claim(c, ids.get(i));
                }
            }
            artifacts.writeBatch(c, writes, ids);
            return ids;
        });
        liveness.beatIfOwning();
        return written;
    }

    void log(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        EntityValidator.checkBatch(metrics, params, tags);
        db.execute(c -> {
            boolean mustBeRunning = !metrics.isEmpty() || !params.isEmpty();
            runs.requireWritable(c, runId, mustBeRunning);
            data.putParams(c, runId, params);
            data.putMetrics(c, runId, metrics);
            runs.setTags(c, runId, tags);
        });
    }

    void inputs(String runId, List<DatasetInput> inputs) {
        db.execute(c -> {
            RunInfo info = runs.requireWritable(c, runId, true);
            data.putInputs(c, runId, Long.parseLong(info.experimentId()), inputs);
        });
    }
}
