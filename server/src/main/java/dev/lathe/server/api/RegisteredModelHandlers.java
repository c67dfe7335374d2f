package dev.lathe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.RegisteredModel;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.json.RegistryJson;
import dev.lathe.server.json.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MLflow's registered-model endpoints: create, get, search, rename, update, delete, set and delete
 * tags, latest versions, and aliases (set, delete, get a version by alias).
 */
final class RegisteredModelHandlers {
    private final ModelRegistry registry;

    RegisteredModelHandlers(ModelRegistry registry) {
        this.registry = registry;
    }

    void register(ApiRoutes routes) {
        routes.post("registered-models/create", this::create)
                .get("registered-models/get", this::get)
                .get("registered-models/search", this::search)
                .post("registered-models/rename", this::rename)
                .patch("registered-models/update", this::update)
                .delete("registered-models/delete", this::delete)
                .post("registered-models/set-tag", this::setTag)
                .delete("registered-models/delete-tag", this::deleteTag)
                .getOrPost("registered-models/get-latest-versions", this::latestVersions)
                .post("registered-models/alias", this::setAlias)
                .delete("registered-models/alias", this::deleteAlias)
                .get("registered-models/alias", this::getByAlias);
    }

    private Response create(Request r) {
        Fields f = r.fields();
        return model(registry.createRegisteredModel(
                f.string("name"), f.optString("description").orElse(null), Tags.fromJson(f, "tags")));
    }

    private Response get(Request r) {
        return model(registry.getRegisteredModel(r.fields().string("name")));
    }

    private Response search(Request r) {
        Fields f = r.fields();
        Page<RegisteredModel> page = registry.searchRegisteredModels(
                f.optString("filter").orElse(null),
                f.strings("order_by"),
                f.optInt("max_results").orElse(100),
                f.optString("page_token").orElse(null));
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("registered_models");
        page.items().forEach(m -> list.add(RegistryJson.model(m, latest(m.name()))));
        page.nextPageToken().ifPresent(t -> o.put("next_page_token", t));
        return Response.json(o);
    }

    private Response rename(Request r) {
        Fields f = r.fields();
        return model(registry.renameRegisteredModel(f.string("name"), f.string("new_name")));
    }

    private Response update(Request r) {
        Fields f = r.fields();
        String name = f.string("name");
        registry.updateRegisteredModelDescription(
                name, f.optString("description").orElse(""));
        return model(registry.getRegisteredModel(name));
    }

    private Response delete(Request r) {
        registry.deleteRegisteredModel(r.fields().string("name"));
        return Response.empty();
    }

    private Response setTag(Request r) {
        Fields f = r.fields();
        registry.setRegisteredModelTag(f.string("name"), f.string("key"), f.stringAllowEmpty("value"));
        return Response.empty();
    }

    private Response deleteTag(Request r) {
        Fields f = r.fields();
        registry.deleteRegisteredModelTag(f.string("name"), f.string("key"));
        return Response.empty();
    }

    /** The newest version in each requested stage (every stage when none is given). */
    private Response latestVersions(Request r) {
        Fields f = r.fields();
        String name = f.string("name");
        registry.getRegisteredModel(name);
        List<ModelStage> stages =
                f.strings("stages").stream().map(ModelStage::parse).toList();
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("model_versions");
        for (ModelVersion v : latest(name)) {
            if (stages.isEmpty() || stages.contains(v.currentStage())) {
                list.add(RegistryJson.version(v));
            }
        }
        return Response.json(o);
    }

    private Response setAlias(Request r) {
        Fields f = r.fields();
        registry.setAlias(f.string("name"), f.string("alias"), ModelVersionHandlers.version(f));
        return Response.empty();
    }

    private Response deleteAlias(Request r) {
        Fields f = r.fields();
        registry.deleteAlias(f.string("name"), f.string("alias"));
        return Response.empty();
    }

    private Response getByAlias(Request r) {
        Fields f = r.fields();
        ObjectNode o = Json.object();
        o.set(
                "model_version",
                RegistryJson.version(registry.getModelVersionByAlias(f.string("name"), f.string("alias"))));
        return Response.json(o);
    }

    /** MLflow's {@code latest_versions}: the highest version of each stage, ordered by stage. */
    private List<ModelVersion> latest(String name) {
        Map<ModelStage, ModelVersion> byStage = new TreeMap<>();
        for (ModelVersion v : registry.listModelVersions(name)) {
            byStage.merge(v.currentStage(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return new ArrayList<>(byStage.values());
    }

    private Response model(RegisteredModel m) {
        ObjectNode o = Json.object();
        o.set("registered_model", RegistryJson.model(m, latest(m.name())));
        return Response.json(o);
    }
}
