package dev.lathe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.tracking.ModelRegistry;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.core.tracking.ModelVersion;
import dev.lathe.core.tracking.Page;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.json.RegistryJson;
import dev.lathe.server.json.Tags;

/**
 * MLflow's model-version endpoints: create, get, search, update, delete, transition-stage,
 * get-download-uri, set and delete tags. Versions travel as strings ("1"), as in MLflow.
 */
final class ModelVersionHandlers {
    private final ModelRegistry registry;

    ModelVersionHandlers(ModelRegistry registry) {
        this.registry = registry;
    }

    void register(ApiRoutes routes) {
        routes.post("model-versions/create", this::create)
                .get("model-versions/get", this::get)
                .get("model-versions/search", this::search)
                .patch("model-versions/update", this::update)
                .delete("model-versions/delete", this::delete)
                .post("model-versions/transition-stage", this::transition)
                .get("model-versions/get-download-uri", this::downloadUri)
                .post("model-versions/set-tag", this::setTag)
                .delete("model-versions/delete-tag", this::deleteTag);
    }

    private Response create(Request r) {
        Fields f = r.fields();
        return version(registry.createModelVersion(
                f.string("name"),
                f.string("source"),
                f.optString("run_id").orElse(null),
                f.optString("description").orElse(null),
                Tags.fromJson(f, "tags")));
    }

    private Response get(Request r) {
        Fields f = r.fields();
        return version(registry.getModelVersion(f.string("name"), version(f)));
    }

    private Response search(Request r) {
        Fields f = r.fields();
        Page<ModelVersion> page = registry.searchModelVersions(
                f.optString("filter").orElse(null),
                f.strings("order_by"),
                f.optInt("max_results").orElse(10_000),
                f.optString("page_token").orElse(null));
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("model_versions");
        page.items().forEach(v -> list.add(RegistryJson.version(v)));
        page.nextPageToken().ifPresent(t -> o.put("next_page_token", t));
        return Response.json(o);
    }

    private Response update(Request r) {
        Fields f = r.fields();
        String name = f.string("name");
        int version = version(f);
        registry.updateModelVersionDescription(
                name, version, f.optString("description").orElse(""));
        return version(registry.getModelVersion(name, version));
    }

    private Response delete(Request r) {
        Fields f = r.fields();
        registry.deleteModelVersion(f.string("name"), version(f));
        return Response.empty();
    }

    private Response transition(Request r) {
        Fields f = r.fields();
        return version(registry.transitionModelVersionStage(
                f.string("name"),
                version(f),
                ModelStage.parse(f.string("stage")),
                f.bool("archive_existing_versions")));
    }

    private Response downloadUri(Request r) {
        Fields f = r.fields();
        ObjectNode o = Json.object();
        o.put(
                "artifact_uri",
                registry.getModelVersion(f.string("name"), version(f)).source());
        return Response.json(o);
    }

    private Response setTag(Request r) {
        Fields f = r.fields();
        registry.setModelVersionTag(f.string("name"), version(f), f.string("key"), f.stringAllowEmpty("value"));
        return Response.empty();
    }

    private Response deleteTag(Request r) {
        Fields f = r.fields();
        registry.deleteModelVersionTag(f.string("name"), version(f), f.string("key"));
        return Response.empty();
    }

    /** The {@code version} field: a positive integer, sent as a string or a number. */
    static int version(Fields f) {
        String text = f.string("version");
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    "Invalid value '" + text + "' for parameter 'version': expected a version number", e);
        }
    }

    private static Response version(ModelVersion v) {
        ObjectNode o = Json.object();
        o.set("model_version", RegistryJson.version(v));
        return Response.json(o);
    }
}
