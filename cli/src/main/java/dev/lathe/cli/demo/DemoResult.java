package dev.lathe.cli.demo;

import dev.lathe.core.recipe.PrepReport;
import dev.lathe.core.recipe.Recipe;
import java.util.SortedMap;

/** What the demo measured and where it stored the run. */
public record DemoResult(
        Recipe recipe,
        PrepReport trainReport,
        PrepReport validReport,
        int features,
        String model,
        SortedMap<String, String> fitDetails,
        double rmseTrain,
        double rmseValid,
        double maeValid,
        double r2Valid,
        StageTimings timings,
        String experimentId,
        String runId,
        String storeLocation) {

    /** The same result with the timings of the whole run, once the caller's own stages are lapped. */
    public DemoResult withTimings(StageTimings wholeRun) {
        return new DemoResult(
                recipe,
                trainReport,
                validReport,
                features,
                model,
                fitDetails,
                rmseTrain,
                rmseValid,
                maeValid,
                r2Valid,
                wholeRun,
                experimentId,
                runId,
                storeLocation);
    }
}
