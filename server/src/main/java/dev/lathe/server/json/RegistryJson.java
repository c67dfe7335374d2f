package dev.lathe.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.server.http.Json;
import java.util.List;

/** Registered models and model versions as MLflow's REST API writes them (model_registry.proto). */
public final class RegistryJson {
    private RegistryJson() {}

    /** A registered model with its latest version per stage (MLflow's {@code latest_versions}). */
    public static ObjectNode model(RegisteredModel m, List<ModelVersion> latestVersions) {
        ObjectNode o = Json.object();
        o.put("name", m.name());
        o.put("creation_timestamp", m.creationTime());
        o.put("last_updated_timestamp", m.lastUpdatedTime());
        if (m.description() != null) {
            o.put("description", m.description());
        }
        ArrayNode latest = o.putArray("latest_versions");
        latestVersions.forEach(v -> latest.add(version(v)));
        o.set("tags", Tags.toJson(m.tags()));
        ArrayNode aliases = o.putArray("aliases");
        m.aliases().forEach((alias, version) -> {
            ObjectNode a = aliases.addObject();
            a.put("alias", alias);
            a.put("version", Integer.toString(version));
        });
        return o;
    }

    public static ObjectNode version(ModelVersion v) {
        ObjectNode o = Json.object();
        o.put("name", v.name());
        o.put("version", Integer.toString(v.version()));
        o.put("creation_timestamp", v.creationTime());
        o.put("last_updated_timestamp", v.lastUpdatedTime());
        if (v.userId() != null) {
            o.put("user_id", v.userId());
        }
        o.put("current_stage", v.currentStage().label());
        if (v.description() != null) {
            o.put("description", v.description());
        }
        o.put("source", v.source());
        v.runId().ifPresent(id -> o.put("run_id", id));
        o.put("status", v.status());
        o.set("tags", Tags.toJson(v.tags()));
        ArrayNode aliases = o.putArray("aliases");
        v.aliases().forEach(aliases::add);
        return o;
    }
}
