package dev.lathe.workflow;

import dev.lathe.core.tracking.ActiveRun;
import dev.lathe.evaluation.report.ReportBuilder;

/**
 * What an entry point adds to a tracked fit's run besides the {@link RunConvention}: sections of the
 * report it alone can compute (the demo's segments and drift) and files or metrics of its own, logged
 * before the run ends. Extras never redefine a convention key.
 */
public interface RunExtras {
    /** Adds sections to the run's report of {@code result}'s model. */
    default ReportBuilder report(ReportBuilder report, TrainingResult result) {
        return report;
    }

    /** Logs what else the entry point records, once the model is fitted and logged. */
    default void log(ActiveRun run, TrainingResult result) {}

    static RunExtras none() {
        return new RunExtras() {};
    }
}
