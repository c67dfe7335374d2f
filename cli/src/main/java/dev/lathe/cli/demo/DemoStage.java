package dev.lathe.cli.demo;

/**
 * Every stage the demo performs, in order, each timed once so that the printed stages add up to the
 * whole run (everything after the JVM and the command line started). Store writes are never counted in
 * the stage that made them but in {@link #TRACKING}.
 */
public enum DemoStage {
    /** Opening (and migrating) the tracking store. */
    OPEN_STORE("open_store", "open store"),
    /** Reading both files, projected on the recipe's columns. */
    READ("read", "read"),
    /** The recipe: duration, filters, derived features. */
    PREP("prep", "prep"),
    /** Fitting the DictVectorizer on the training month and encoding both months. */
    VECTORIZE("vectorize", "vectorize"),
    /** The trainer's fit, with the run's start. */
    FIT("fit", "fit"),
    /** Metrics of the fitted model on both months, its serialization and the report's predictions. */
    EVALUATE("evaluate", "evaluate"),
    /** The drift checks between the two months (KS and PSI per feature). */
    DRIFT("drift", "drift"),
    /** The report: errors by pickup zone, plots, HTML, JSON and Markdown. */
    REPORT("report", "report"),
    /** Every store write: experiment, run, params, tags, inputs, metrics, model and report files, closing. */
    TRACKING("tracking", "tracking");

    private final String key;
    private final String label;

    DemoStage(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stage's field in {@code --json}'s {@code seconds}. */
    public String key() {
        return key;
    }

    /** The stage's name in the human summary. */
    public String label() {
        return label;
    }
}
