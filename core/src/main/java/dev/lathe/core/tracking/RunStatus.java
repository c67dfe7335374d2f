package dev.lathe.core.tracking;

/** Run lifecycle states, as MLflow names them. */
public enum RunStatus {
    RUNNING,
    SCHEDULED,
    FINISHED,
    FAILED,
    KILLED;

    /** True for FINISHED, FAILED and KILLED. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }
}
