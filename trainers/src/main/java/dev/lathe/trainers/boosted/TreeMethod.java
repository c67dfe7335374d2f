package dev.lathe.trainers.boosted;

import dev.lathe.core.InvalidParameterException;
import java.util.Arrays;
import java.util.List;

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

    /** Every value of XGBoost's {@code tree_method} parameter, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(TreeMethod::xgboostName).toList();
    }

    /** The tree method XGBoost calls {@code name}. */
    public static TreeMethod of(String name) {
        for (TreeMethod m : values()) {
            if (m.xgboostName.equals(name)) {
                return m;
            }
        }
        throw new InvalidParameterException("tree_method must be one of " + names() + ", got '" + name + "'");
    }
}
