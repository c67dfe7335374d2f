package dev.lathe.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.core.recipe.PrepReport;
import java.util.Locale;
import java.util.Map;

/** Formats a {@link DemoResult} as the human summary or as one JSON object. */
public final class DemoPrinter {
    private DemoPrinter() {}

    public static String human(DemoResult r) {
        StringBuilder s = new StringBuilder();
        s.append("Lathe demo: ")
                .append(r.recipe().target())
                .append(" (recipe ")
                .append(r.recipe().name())
                .append("), ")
                .append(r.model())
                .append('\n');
        s.append(line("train", r.trainReport()));
        s.append(line("valid", r.validReport()));
        s.append(String.format(Locale.ROOT, "  %-14s %,d one-hot/numeric columns%n", "features", r.features()));
        s.append(String.format(
                Locale.ROOT,
                "  %-14s train %.6f   valid %.6f   (valid MAE %.4f, R2 %.4f)%n",
                "RMSE",
                r.rmseTrain(),
                r.rmseValid(),
                r.maeValid(),
                r.r2Valid()));
        s.append(String.format(
                Locale.ROOT, "  %-14s %.3f s%n", "training time", r.timings().of(DemoStage.FIT)));
        s.append(String.format(Locale.ROOT, "  %-14s %s%n", "stages", stages(r.timings())));
        if (!r.fitDetails().isEmpty()) {
            s.append(String.format(Locale.ROOT, "  %-14s %s%n", "solver", r.fitDetails()));
        }
        s.append(String.format(Locale.ROOT, "  %-14s %s (experiment %s)%n", "run", r.runId(), r.experimentId()));
        s.append(String.format(Locale.ROOT, "  %-14s %s%n", "stored in", r.storeLocation()));
        return s.toString();
    }

    public static String json(DemoResult r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("rows_read_train", r.trainReport().rowsRead());
        o.put("rows_read_valid", r.validReport().rowsRead());
        o.put("rows_train", r.trainReport().rowsKept());
        o.put("rows_valid", r.validReport().rowsKept());
        o.put("features", r.features());
        o.put("model", r.model());
        o.put("recipe", r.recipe().name());
        o.put("target", r.recipe().target());
        o.put("rmse_train", r.rmseTrain());
        o.put("rmse_valid", r.rmseValid());
        o.put("mae_valid", r.maeValid());
        o.put("r2_valid", r.r2Valid());
        ObjectNode stages = o.putObject("seconds");
        for (DemoStage stage : DemoStage.values()) {
            stages.put(stage.key(), r.timings().of(stage));
        }
        stages.put("total", r.timings().total());
        ObjectNode removed = o.putObject("removed_train");
        r.trainReport().removedBy().forEach(removed::put);
        ObjectNode removedValid = o.putObject("removed_valid");
        r.validReport().removedBy().forEach(removedValid::put);
        ObjectNode fit = o.putObject("fit_details");
        r.fitDetails().forEach(fit::put);
        o.put("experiment_id", r.experimentId());
        o.put("run_id", r.runId());
        o.put("store", r.storeLocation());
        return o.toString();
    }

    /** "open store 0.012 s, read 1.234 s, ..., tracking 0.100 s; total 2.345 s". */
    private static String stages(StageTimings t) {
        StringBuilder s = new StringBuilder();
        for (DemoStage stage : DemoStage.values()) {
            s.append(s.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.3f s", stage.label(), t.of(stage)));
        }
        return s.append(String.format(Locale.ROOT, "; total %.3f s", t.total())).toString();
    }

    private static String line(String label, PrepReport p) {
        StringBuilder removed = new StringBuilder();
        for (Map.Entry<String, Long> e : p.removedBy().entrySet()) {
            if (e.getValue() > 0) {
                removed.append(removed.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(": ")
                        .append(String.format(Locale.ROOT, "%,d", e.getValue()));
            }
        }
        return String.format(
                Locale.ROOT,
                "  %-14s %s: %,d rows read, %,d kept%s%n",
                label,
                p.source(),
                p.rowsRead(),
                p.rowsKept(),
                removed.length() == 0 ? "" : " (removed " + removed + ")");
    }
}
