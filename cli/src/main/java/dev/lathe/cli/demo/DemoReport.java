package dev.lathe.cli.demo;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.recipe.PreparedTable;
import dev.lathe.evaluation.drift.DriftDetector;
import dev.lathe.evaluation.drift.DriftSamples;
import dev.lathe.evaluation.drift.DriftThresholds;
import dev.lathe.evaluation.metrics.SegmentErrors;
import dev.lathe.evaluation.metrics.SegmentOrder;
import dev.lathe.evaluation.report.ReportBuilder;
import java.util.Map;

/**
 * The sections only the demo's report has, added to the run's report: errors by pickup zone and
 * drift between the training and validation months, both computed from the prepared trips, each
 * timed on the demo's {@link StageClock}.
 */
final class DemoReport {
    private DemoReport() {}

    static ReportBuilder sections(
            ReportBuilder report,
            Dataset valid,
            double[] validPredictions,
            PreparedTable trainTrips,
            PreparedTable validTrips,
            String target,
            StageClock clock) {
        String[] zones = pickupZones(validTrips);
        if (zones != null) {
            report.segments(
                    "pickup zone",
                    SegmentErrors.compute(valid.target(), validPredictions, zones, SegmentOrder.LARGEST_FIRST));
        }
        clock.lap(DemoStage.REPORT);
        report.drift(new DriftDetector(DriftThresholds.defaults())
                .compare(DriftSamples.ofPrepared(target, trainTrips, validTrips)));
        clock.lap(DemoStage.DRIFT);
        return report;
    }

    /** PULocationID when configured, else the pickup half of PU_DO, else none. */
    private static String[] pickupZones(PreparedTable trips) {
        Map<String, String[]> cat = trips.features().categorical();
        if (cat.containsKey("PULocationID")) {
            return cat.get("PULocationID");
        }
        String[] puDo = cat.get("PU_DO");
        if (puDo == null) {
            return null;
        }
        String[] zones = new String[puDo.length];
        for (int i = 0; i < puDo.length; i++) {
            int cut = puDo[i].indexOf('_');
            zones[i] = cut < 0 ? puDo[i] : puDo[i].substring(0, cut);
        }
        return zones;
    }
}
