package dev.lathe.core.tracking;

import dev.lathe.core.InvalidParameterException;

/** Soft-delete state of an experiment or run, stored as MLflow's strings 'active' and 'deleted'. */
public enum LifecycleStage {
    ACTIVE("active"),
    DELETED("deleted");

    private final String dbValue;

    LifecycleStage(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value MLflow stores in the lifecycle_stage column. */
    public String dbValue() {
        return dbValue;
    }

    public static LifecycleStage fromDb(String value) {
        for (LifecycleStage s : values()) {
            if (s.dbValue.equals(value)) {
                return s;
            }
        }
        throw new InvalidParameterException("lifecycle_stage must be 'active' or 'deleted', got '" + value + "'");
    }
}
