package dev.lathe.evaluation.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.LatheException;
import dev.lathe.evaluation.drift.ColumnDrift;
import dev.lathe.evaluation.drift.DataDrift;
import java.util.Map;

/** The monitoring report as JSON: the dataset decision, every column's test, score and decision, metrics and batches. */
public final class MonitorJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MonitorJson() {}

    public static String render(MonitorReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reference", r.reference());
        root.put("current", r.current());
        root.put("reference_rows", r.referenceRows());
        root.put("current_rows", r.currentRows());
        root.set("drift", drift(r.drift()));
        r.referenceMetrics().ifPresent(m -> root.set("reference_metrics", map(m.toMap())));
        r.currentMetrics().ifPresent(m -> root.set("current_metrics", map(m.toMap())));
        if (!r.metricChange().isEmpty()) {
            root.set("metric_change", map(r.metricChange()));
        }
        r.period().ifPresent(p -> root.put("period", p.name().toLowerCase(java.util.Locale.ROOT)));
        ArrayNode batches = root.putArray("batches");
        for (MonitorBatch b : r.batches()) {
            ObjectNode n = batches.addObject();
            n.put("start", b.start().toString());
            n.put("rows", b.rows());
            n.set("drift", drift(b.drift()));
            b.metrics().ifPresent(m -> n.set("metrics", map(m.toMap())));
        }
        ObjectNode skipped = root.putObject("skipped_batches");
        r.skipped().forEach(skipped::put);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new LatheException("monitoring report could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode drift(DataDrift d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("dataset_drift", d.datasetDrift());
        n.put("share", d.share());
        n.put("drift_share_threshold", d.driftShare());
        n.put("drifted_columns", d.driftedCount());
        ArrayNode cols = n.putArray("columns");
        for (ColumnDrift c : d.columns()) {
            ObjectNode o = cols.addObject();
            o.put("column", c.column());
            o.put("type", c.type().name().toLowerCase(java.util.Locale.ROOT));
            o.put("test", c.test().id());
            o.put("score", c.score());
            o.put("threshold", c.test().threshold());
            o.put("drifted", c.drifted());
            o.put("reference_rows", c.referenceCount());
            o.put("current_rows", c.currentCount());
            o.put("distinct_values", c.distinctValues());
        }
        return n;
    }

    private static ObjectNode map(Map<String, Double> m) {
        ObjectNode n = MAPPER.createObjectNode();
        m.forEach(n::put);
        return n;
    }
}
