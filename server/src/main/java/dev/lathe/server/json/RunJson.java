package dev.lathe.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunData;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import java.util.Collection;

/** Runs, run infos and metric points as MLflow's REST API writes and reads them (service.proto). */
public final class RunJson {
    private RunJson() {}

    public static ObjectNode toJson(Run run) {
        ObjectNode o = Json.object();
        o.set("info", info(run.info()));
        o.set("data", data(run.data()));
        o.set("inputs", DatasetJson.inputs(run.inputs()));
        return o;
    }

    public static ObjectNode info(RunInfo info) {
        ObjectNode o = Json.object();
        o.put("run_id", info.runId());
        o.put("run_uuid", info.runId());
        o.put("run_name", info.runName());
        o.put("experiment_id", info.experimentId());
        o.put("user_id", info.userId());
        o.put("status", info.status().name());
        o.put("start_time", info.startTime());
        info.endTime().ifPresent(t -> o.put("end_time", t));
        o.put("artifact_uri", info.artifactUri());
        o.put("lifecycle_stage", info.lifecycleStage().dbValue());
        return o;
    }

    public static ObjectNode data(RunData data) {
        ObjectNode o = Json.object();
        o.set("metrics", metrics(data.latestMetrics().values()));
        o.set("params", Tags.toJson(data.params()));
        o.set("tags", Tags.toJson(data.tags()));
        return o;
    }

    public static ArrayNode metrics(Collection<Metric> metrics) {
        ArrayNode out = Json.array();
        for (Metric m : metrics) {
            ObjectNode o = out.addObject();
            o.put("key", m.key());
            o.put("value", m.value());
            o.put("timestamp", m.timestamp());
            o.put("step", m.step());
        }
        return out;
    }

    /** A metric point of a request; a missing timestamp is now and a missing step 0, as MLflow. */
    public static Metric metric(Fields f) {
        return new Metric(
                f.string("key"),
                f.number("value"),
                f.optLong("timestamp").orElseGet(System::currentTimeMillis),
                f.optLong("step").orElse(0L));
    }
}
