package dev.lathe.evaluation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.Direction;
import dev.lathe.core.LatheException;
import dev.lathe.core.LatheVersion;
import dev.lathe.core.model.ModelProvenance;
import dev.lathe.evaluation.drift.FeatureDrift;
import dev.lathe.evaluation.metrics.SegmentError;
import java.util.Map;

/**
 * Renders a report as JSON with the same content as the HTML page: metrics keyed by MLflow names,
 * histogram edges and counts, the scatter sample, and every optional section (all segments, not only
 * the ones the HTML table shows). Non-finite numbers are written as JSON null.
 */
public final class JsonReport {
    /** The value of the top-level {@code "schema"} field. */
    public static final String SCHEMA = "lathe.evaluation-report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(EvaluationReport r) {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new LatheException("could not write report '" + r.title() + "' as JSON: " + e.getMessage(), e);
        }
    }

    /** The report as a Jackson tree. */
    public static ObjectNode tree(EvaluationReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("title", r.title());
        root.put("target", r.targetLabel());
        root.put("lathe_version", LatheVersion.VERSION);
        ObjectNode metrics = root.putObject("metrics");
        for (Map.Entry<String, Double> e : r.metrics().toMap().entrySet()) {
            put(metrics, e.getKey(), e.getValue());
        }
        ObjectNode plots = root.putObject("plots");
        ObjectNode dist = plots.putObject("distributions");
        numbers(dist.putArray("edges"), r.actual().edges());
        counts(dist.putArray("actual"), r.actual().counts());
        counts(dist.putArray("predicted"), r.predicted().counts());
        ObjectNode res = plots.putObject("residual_histogram");
        numbers(res.putArray("edges"), r.residuals().edges());
        counts(res.putArray("counts"), r.residuals().counts());
        ObjectNode scatter = plots.putObject("residuals_vs_prediction");
        scatter.put("population", r.residualSample().population());
        numbers(scatter.putArray("predicted"), r.residualSample().x());
        numbers(scatter.putArray("residual"), r.residualSample().y());
        ArrayNode imp = root.putArray("feature_importances");
        r.importances().forEach(f -> put(imp.addObject().put("feature", f.feature()), "importance", f.importance()));
        r.learningCurve().ifPresent(c -> {
            ObjectNode lc = root.putObject("learning_curve");
            lc.put("metric", c.metric());
            lc.put("best_round", c.bestRound());
            ObjectNode series = lc.putObject("series");
            c.names().forEach(n -> numbers(series.putArray(n), c.values(n)));
        });
        r.searchHistory().ifPresent(s -> {
            ObjectNode sh = root.putObject("search_history");
            sh.put("metric", s.metric());
            sh.put("greater_is_better", s.direction() == Direction.MAXIMIZE);
            sh.put("best_trial", s.bestTrial());
            numbers(sh.putArray("scores"), s.scores());
            numbers(sh.putArray("running_best"), s.runningBest());
        });
        if (!r.segments().isEmpty()) {
            ObjectNode seg = root.putObject("segments");
            seg.put("label", r.segmentLabel());
            ArrayNode rows = seg.putArray("rows");
            for (SegmentError s : r.segments()) {
                ObjectNode o = rows.addObject().put("segment", s.segment()).put("count", s.count());
                put(o, "mean_absolute_error", s.meanAbsoluteError());
                put(o, "root_mean_squared_error", s.rootMeanSquaredError());
            }
        }
        r.drift().ifPresent(d -> {
            ObjectNode dn = root.putObject("drift");
            ObjectNode t = dn.putObject("thresholds");
            t.put("bins", d.thresholds().bins());
            put(t, "epsilon", d.thresholds().epsilon());
            put(t, "psi", d.thresholds().psiThreshold());
            put(t, "ks_p_value", d.thresholds().ksPValueThreshold());
            put(t, "ks_statistic", d.thresholds().ksStatisticThreshold());
            ArrayNode features = dn.putArray("features");
            for (FeatureDrift f : d.features()) {
                ObjectNode o = features.addObject()
                        .put("feature", f.feature())
                        .put("type", f.type().name())
                        .put("reference_count", f.referenceCount())
                        .put("current_count", f.currentCount());
                put(o, "ks_statistic", f.ksStatistic());
                put(o, "ks_p_value", f.ksPValue());
                put(o, "psi", f.psi());
                o.put("drifted", f.drifted());
            }
        });
        r.provenance().ifPresent(p -> provenance(root.putObject("provenance"), p));
        ArrayNode ds = root.putArray("datasets");
        for (DatasetSummary d : r.datasets()) {
            ds.addObject()
                    .put("role", d.role())
                    .put("name", d.name())
                    .put("digest", d.digest())
                    .put("rows", d.rows())
                    .put("feature_count", d.featureCount());
        }
        return root;
    }

    private static void provenance(ObjectNode o, ModelProvenance p) {
        o.put("trainer", p.trainer());
        ObjectNode hp = o.putObject("hyperparameters");
        p.hyperparameters().forEach(hp::put);
        o.put("dataset_name", p.datasetName());
        o.put("dataset_digest", p.datasetDigest());
        o.put("train_rows", p.trainRows());
        o.put("feature_count", p.featureCount());
        ObjectNode fd = o.putObject("fit_details");
        p.fitDetails().forEach(fd::put);
        o.put("lathe_version", p.latheVersion());
        o.put("java_version", p.javaVersion());
        o.put("payload_digest", p.payloadDigest());
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void numbers(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    private static void counts(ArrayNode a, long[] values) {
        for (long v : values) {
            a.add(v);
        }
    }
}
