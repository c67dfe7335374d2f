package dev.lathe.server.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.server.http.Json;

/** An experiment as MLflow's REST API writes it (message {@code Experiment} of service.proto). */
public final class ExperimentJson {
    private ExperimentJson() {}

    public static ObjectNode toJson(Experiment e) {
        ObjectNode o = Json.object();
        o.put("experiment_id", e.experimentId());
        o.put("name", e.name());
        o.put("artifact_location", e.artifactLocation());
        o.put("lifecycle_stage", e.lifecycleStage().dbValue());
        o.put("last_update_time", e.lastUpdateTime());
        o.put("creation_time", e.creationTime());
        o.set("tags", Tags.toJson(e.tags()));
        return o;
    }
}
