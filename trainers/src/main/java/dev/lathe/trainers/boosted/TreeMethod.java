package dev.lathe.trainers.boosted;

/** XGBoost's CPU tree construction algorithms; {@link #HIST} (histogram) is the fast default. */
public enum TreeMethod {
    HIST("hist"),
    APPROX("approx"),
    EXACT("exact");

    private final String xgboostName;

    TreeMethod(String xgboostName) {
        this.xgboostName = xgboostName;
    }

    /** The value of XGBoost's {@code tree_method} parameter. */
    public String xgboostName() {
        return xgboostName;
    }
}
