package dev.lathe.junit;

/** Which way a metric improves, for regression checks against earlier runs. */
public enum Direction {
    /** Errors and losses: a larger value is a regression. */
    LOWER_IS_BETTER,
    /** Scores such as R^2: a smaller value is a regression. */
    HIGHER_IS_BETTER
}
