package dev.lathe.core.tracking;

import dev.lathe.core.InvalidParameterException;
import java.util.Locale;

/** MLflow's deprecated model-version stages; parsing is case-insensitive as in MLflow. */
public enum ModelStage {
    NONE("None"),
    STAGING("Staging"),
    PRODUCTION("Production"),
    ARCHIVED("Archived");

    private final String label;

    ModelStage(String label) {
        this.label = label;
    }

    /** The canonical name stored in model_versions.current_stage. */
    public String label() {
        return label;
    }

    public static ModelStage parse(String text) {
        if (text != null) {
            for (ModelStage s : values()) {
                if (s.label.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new InvalidParameterException(
                "model stage must be one of None, Staging, Production, Archived, got '" + text + "'");
    }
}
