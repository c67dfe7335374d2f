package dev.lathe.server.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.Direction;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.Run;
import dev.lathe.core.tracking.TrackingStore;
import dev.lathe.server.http.Json;
import dev.lathe.server.http.Request;
import dev.lathe.server.http.Response;
import dev.lathe.tuning.tracking.TrialTags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The search page's data in one request, computed on the server from the trials as tuning logged them
 * ({@link TrialTags}): {@code GET /ajax-api/2.0/lathe/search/summary?run_id=PARENT} answers the
 * search's direction and score name, each trial (number, run, state, score, best score so far,
 * params, intermediate values) and each param's importance ({@link ParamImportance}).
 */
final class SearchSummary {
    /** The endpoint's path, a Lathe extension next to MLflow's UI prefix. */
    static final String PATH = "/ajax-api/2.0/lathe/search/summary";
    /** The state of a trial whose run has no outcome yet. */
    static final String RUNNING = "RUNNING";
    /** The state of a trial that completed with a score (as tuning's TrialState names it). */
    static final String COMPLETE = "COMPLETE";

    /** One trial as logged: its intermediate values by step, score NaN when it has none. */
    record TrialRow(
            int number,
            String runId,
            String runName,
            String state,
            double value,
            Map<String, String> params,
            SortedMap<Long, Double> intermediate) {}

    private final TrackingStore store;

    SearchSummary(TrackingStore store) {
        this.store = store;
    }

    Response handle(Request request) {
        return Response.json(summary(request.fields().string("run_id")));
    }

    ObjectNode summary(String parentId) {
        Run parent = store.getRun(parentId);
        LatheException.check(
                ErrorCode.INVALID_PARAMETER_VALUE,
                "true".equals(parent.data().tags().get(TrialTags.SEARCH)),
                "%s: run %s is not a search parent (it has no tag %s=true)",
                PATH,
                parentId,
                TrialTags.SEARCH);
        Map<String, String> params = parent.data().params();
        String directionName = params.getOrDefault(TrialTags.SEARCH_DIRECTION, Direction.MINIMIZE.name());
        Direction direction = Direction.valueOf(directionName);
        List<TrialRow> trials = trials(parentId);

        ObjectNode o = Json.object();
        o.put("run_id", parentId)
                .put("run_name", parent.info().runName())
                .put("direction", direction.name())
                .put("score", params.getOrDefault(TrialTags.SEARCH_SCORE, ""));
        ArrayNode rows = o.putArray("trials");
        double best = Double.NaN;
        List<Map<String, String>> completeParams = new ArrayList<>();
        List<Double> completeScores = new ArrayList<>();
        for (TrialRow t : trials) {
            boolean scored = COMPLETE.equals(t.state()) && Double.isFinite(t.value());
            if (scored) {
                best = Double.isNaN(best) || direction.better(t.value(), best) ? t.value() : best;
                completeParams.add(t.params());
                completeScores.add(t.value());
            }
            ObjectNode row = rows.addObject()
                    .put("number", t.number())
                    .put("run_id", t.runId())
                    .put("run_name", t.runName())
                    .put("state", t.state());
            number(row, "value", t.value());
            number(row, "best", best);
            ObjectNode p = row.putObject("params");
            t.params().forEach(p::put);
            ArrayNode steps = row.putArray("intermediate");
            t.intermediate().forEach((step, value) -> {
                ArrayNode point = steps.addArray().add(step);
                if (Double.isFinite(value)) {
                    point.add(value);
                } else {
                    point.addNull();
                }
            });
        }
        o.put("importance_method", ParamImportance.METHOD);
        ArrayNode importance = o.putArray("importance");
        double[] scores =
                completeScores.stream().mapToDouble(Double::doubleValue).toArray();
        for (ParamImportance.Importance i : ParamImportance.of(completeParams, scores)) {
            importance
                    .addObject()
                    .put("param", i.param())
                    .put("eta_squared", i.etaSquared())
                    .put("bins", i.bins())
                    .put("trials", i.trials())
                    .put("numeric", i.numeric());
        }
        return o;
    }

    /** The parent's trial runs by trial number (a trial re-run on resume: its latest run). */
    private List<TrialRow> trials(String parentId) {
        Map<Integer, TrialRow> byNumber = new TreeMap<>();
        List<Run> children = new ArrayList<>(store.childRuns(parentId));
        children.sort(Comparator.comparingLong(r -> r.info().startTime()));
        for (Run run : children) {
            String numberText = run.data().tags().get(TrialTags.NUMBER);
            if (numberText == null || !numberText.matches("\\d{1,9}")) {
                continue; // not a trial (a run the user nested under the search)
            }
            int number = Integer.parseInt(numberText);
            Map<String, String> tags = run.data().tags();
            String outcome = tags.get(TrialTags.OUTCOME);
            String state = RUNNING;
            double value = Double.NaN;
            SortedMap<Long, Double> intermediate = new TreeMap<>();
            if (outcome != null) {
                String[] f = TrialTags.parseOutcome(outcome, run.info().runId());
                state = f[0];
                value = Double.parseDouble(f[1]);
                intermediate = TrialTags.decodeIntermediate(
                        tags, Integer.parseInt(f[2]), run.info().runId());
            }
            Map<String, String> params = new LinkedHashMap<>(run.data().params());
            params.remove(TrialTags.NUMBER);
            byNumber.put(
                    number,
                    new TrialRow(number, run.info().runId(), run.info().runName(), state, value, params, intermediate));
        }
        return new ArrayList<>(byNumber.values());
    }

    private static void number(ObjectNode row, String field, double v) {
        if (Double.isFinite(v)) {
            row.put(field, v);
        } else {
            row.putNull(field);
        }
    }
}
