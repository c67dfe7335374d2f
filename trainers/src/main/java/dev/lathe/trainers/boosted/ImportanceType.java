package dev.lathe.trainers.boosted;

/**
 * How XGBoost scores a feature's importance: {@link #WEIGHT} counts the splits on it, {@link #GAIN}
 * averages the loss reduction of those splits, {@link #COVER} averages the hessian mass they split.
 */
public enum ImportanceType {
    WEIGHT("weight"),
    GAIN("gain"),
    COVER("cover"),
    TOTAL_GAIN("total_gain"),
    TOTAL_COVER("total_cover");

    private final String xgboostName;

    ImportanceType(String xgboostName) {
        this.xgboostName = xgboostName;
    }

    /** The importance type string of XGBoost's {@code get_score}. */
    public String xgboostName() {
        return xgboostName;
    }
}
