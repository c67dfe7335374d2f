package dev.lathe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.ResourceNotFoundException;
import dev.lathe.core.tracking.Experiment;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.json.ExperimentJson;
import dev.lathe.server.json.Tags;

/** MLflow's experiment endpoints: create, get, get-by-name, search, update, delete, restore, set tag. */
final class ExperimentHandlers {
    private final TrackingStore store;

    ExperimentHandlers(TrackingStore store) {
        this.store = store;
    }

    void register(ApiRoutes routes) {
        routes.post("experiments/create", this::create)
                .get("experiments/get", this::get)
                .get("experiments/get-by-name", this::getByName)
                .getOrPost("experiments/search", this::search)
                .post("experiments/update", this::update)
                .post("experiments/delete", this::delete)
                .post("experiments/restore", this::restore)
                .post("experiments/set-experiment-tag", this::setTag);
    }

    private Response create(Request r) {
        Fields f = r.fields();
        String id = store.createExperiment(
                f.string("name"), f.optString("artifact_location").orElse(null), Tags.fromJson(f, "tags"));
        ObjectNode o = Json.object();
        o.put("experiment_id", id);
        return Response.json(o);
    }

    private Response get(Request r) {
        return experiment(store.getExperiment(r.fields().string("experiment_id")));
    }

    private Response getByName(Request r) {
        String name = r.fields().string("experiment_name");
        return experiment(store.getExperimentByName(name)
                .orElseThrow(
                        () -> new ResourceNotFoundException("Could not find experiment with name '" + name + "'")));
    }

    private Response search(Request r) {
        Fields f = r.fields();
        Page<Experiment> page = store.searchExperiments(
                f.optString("filter").orElse(null),
                f.strings("order_by"),
                f.optInt("max_results").orElse(1000),
                f.optString("page_token").orElse(null),
                Views.of(f, "view_type"));
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("experiments");
        page.items().forEach(e -> list.add(ExperimentJson.toJson(e)));
        page.nextPageToken().ifPresent(t -> o.put("next_page_token", t));
        return Response.json(o);
    }

    private Response update(Request r) {
        Fields f = r.fields();
        store.renameExperiment(f.string("experiment_id"), f.string("new_name"));
        return Response.empty();
    }

    private Response delete(Request r) {
        store.deleteExperiment(r.fields().string("experiment_id"));
        return Response.empty();
    }

    private Response restore(Request r) {
        store.restoreExperiment(r.fields().string("experiment_id"));
        return Response.empty();
    }

    private Response setTag(Request r) {
        Fields f = r.fields();
        store.setExperimentTag(f.string("experiment_id"), f.string("key"), f.stringAllowEmpty("value"));
        return Response.empty();
    }

    private static Response experiment(Experiment e) {
        ObjectNode o = Json.object();
        o.set("experiment", ExperimentJson.toJson(e));
        return Response.json(o);
    }
}
