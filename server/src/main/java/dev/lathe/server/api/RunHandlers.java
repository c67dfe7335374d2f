package dev.lathe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.DatasetInput;
import dev.lathe.core.tracking.Metric;
import dev.lathe.core.tracking.MlflowTags;
import dev.lathe.core.tracking.Page;
import dev.lathe.core.tracking.Param;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.RunInfo;
import dev.lathe.core.tracking.RunSpec;
import dev.lathe.core.tracking.RunStatus;
import dev.lathe.core.tracking.RunTag;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Fields;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.server.json.DatasetJson;
import dev.lathe.server.json.RunJson;
import dev.lathe.server.json.Tags;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MLflow's run endpoints: create, get, update, delete, restore, search, log-metric, log-parameter,
 * set-tag, delete-tag, log-batch, log-inputs, log-model. A run is named by {@code run_id} or the older {@code run_uuid}.
 */
final class RunHandlers {
    private static final String RUN_ID = "run_id";
    private static final String RUN_UUID = "run_uuid";

    private final TrackingStore store;

    RunHandlers(TrackingStore store) {
        this.store = store;
    }

    void register(ApiRoutes routes) {
        routes.post("runs/create", this::create)
                .get("runs/get", this::get)
                .post("runs/update", this::update)
                .post("runs/delete", this::delete)
                .post("runs/restore", this::restore)
                .getOrPost("runs/search", this::search)
                .post("runs/log-metric", this::logMetric)
                .post("runs/log-parameter", this::logParam)
                .post("runs/set-tag", this::setTag)
                .post("runs/delete-tag", this::deleteTag)
                .post("runs/log-batch", this::logBatch)
                .post("runs/log-inputs", this::logInputs)
                .post("runs/log-model", this::logModel);
    }

    /**
     * Creates a RUNNING run. The parent comes from the {@code mlflow.parentRunId} tag and the
     * description from {@code mlflow.note.content}, as MLflow's clients send them; the client's
     * {@code start_time} and {@code user_id} are kept (the store's clock and user when absent).
     */
    private Response create(Request r) {
        Fields f = r.fields();
        Map<String, String> tags = Tags.fromJson(f, "tags");
        RunSpec.Builder spec = RunSpec.builder(f.optString("experiment_id").orElse("0"));
        f.optString("run_name")
                .or(() -> Optional.ofNullable(tags.get(MlflowTags.RUN_NAME)))
                .ifPresent(spec::runName);
        f.optLong("start_time").ifPresent(spec::startTime);
        f.optString("user_id").ifPresent(spec::user);
        String parent = tags.remove(MlflowTags.PARENT_RUN_ID);
        if (parent != null) {
            spec.parentRunId(parent);
        }
        String note = tags.remove(MlflowTags.NOTE);
        if (note != null) {
            spec.description(note);
        }
        tags.remove(MlflowTags.RUN_NAME);
        tags.forEach(spec::tag);
        RunInfo info = store.createRun(spec.build());
        return run(store.getRun(info.runId()));
    }

    private Response get(Request r) {
        return run(store.getRun(runId(r.fields())));
    }

    /** Sets the status (a terminal one ends the run now) and renames the run when {@code run_name} is given. */
    private Response update(Request r) {
        Fields f = r.fields();
        String runId = runId(f);
        f.optString("run_name").ifPresent(name -> store.setTag(runId, MlflowTags.RUN_NAME, name));
        f.optString("status").map(RunHandlers::status).ifPresent(s -> store.updateRunStatus(runId, s));
        ObjectNode o = Json.object();
        o.set("run_info", RunJson.info(store.getRun(runId).info()));
        return Response.json(o);
    }

    private Response delete(Request r) {
        store.deleteRun(runId(r.fields()));
        return Response.empty();
    }

    private Response restore(Request r) {
        store.restoreRun(runId(r.fields()));
        return Response.empty();
    }

    private Response search(Request r) {
        Page<Run> page = RunSearchFields.search(store, r.fields());
        ObjectNode o = Json.object();
        ArrayNode runs = o.putArray("runs");
        page.items().forEach(run -> runs.add(RunJson.toJson(run)));
        page.nextPageToken().ifPresent(t -> o.put("next_page_token", t));
        return Response.json(o);
    }

    /** The fields MLflow's server requires of a logged model's JSON. */
    private static final List<String> MODEL_FIELDS = List.of("artifact_path", "flavors", "utc_time_created", "run_id");

    /**
     * Records a logged model as MLflow's stores do: its JSON appended to the run's
     * {@code mlflow.log-model.history} tag (a JSON list), after checking MLflow's mandatory fields.
     */
    private Response logModel(Request r) {
        Fields f = r.fields();
        String runId = runId(f);
        String text = f.string("model_json");
        JsonNode model;
        try {
            model = Json.parse(text);
        } catch (RuntimeException e) {
            throw new InvalidParameterException("Malformed model info. \n " + text + " \n is not a valid JSON.", e);
        }
        List<String> missing = MODEL_FIELDS.stream()
                .filter(k -> !model.isObject() || !model.has(k))
                .toList();
        LatheException.check(missing.isEmpty(), "Model json is missing mandatory fields: %s", missing);
        ArrayNode history = Json.array();
        String prior = store.getRun(runId).data().tags().get(MlflowTags.LOGGED_MODELS);
        if (prior != null) {
            JsonNode logged = Json.parse(prior);
            LatheException.check(
                    logged.isArray(),
                    "tag %s of run %s is not a JSON list: %s",
                    MlflowTags.LOGGED_MODELS,
                    runId,
                    prior);
            history.addAll((ArrayNode) logged);
        }
        history.add(model);
        store.setTag(runId, MlflowTags.LOGGED_MODELS, history.toString());
        return Response.empty();
    }

    private Response logMetric(Request r) {
        Fields f = r.fields();
        store.logMetric(runId(f), RunJson.metric(f));
        return Response.empty();
    }

    private Response logParam(Request r) {
        Fields f = r.fields();
        store.logParam(runId(f), f.string("key"), f.stringAllowEmpty("value"));
        return Response.empty();
    }

    private Response setTag(Request r) {
        Fields f = r.fields();
        store.setTag(runId(f), f.string("key"), f.stringAllowEmpty("value"));
        return Response.empty();
    }

    private Response deleteTag(Request r) {
        Fields f = r.fields();
        store.deleteTag(runId(f), f.string("key"));
        return Response.empty();
    }

    /** Metrics, params and tags in one transaction: all of the batch is stored or none of it. */
    private Response logBatch(Request r) {
        Fields f = r.fields();
        List<Metric> metrics =
                f.objects("metrics").stream().map(RunJson::metric).toList();
        List<Param> params = f.objects("params").stream()
                .map(p -> new Param(p.string("key"), p.stringAllowEmpty("value")))
                .toList();
        List<RunTag> tags = f.objects("tags").stream()
                .map(t -> new RunTag(t.string("key"), t.stringAllowEmpty("value")))
                .toList();
        store.logBatch(runId(f), metrics, params, tags);
        return Response.empty();
    }

    private Response logInputs(Request r) {
        Fields f = r.fields();
        List<DatasetInput> inputs =
                f.objects("datasets").stream().map(DatasetJson::input).toList();
        store.logInputs(runId(f), inputs);
        return Response.empty();
    }

    static String runId(Fields f) {
        return f.string(RUN_ID, RUN_UUID);
    }

    private static RunStatus status(String text) {
        try {
            return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    "Invalid value '" + text + "' for parameter 'status': expected one of "
                            + Arrays.toString(RunStatus.values()),
                    e);
        }
    }

    private static Response run(Run run) {
        ObjectNode o = Json.object();
        o.set("run", RunJson.toJson(run));
        return Response.json(o);
    }
}
