package dev.lathe.tracking.search;

/** What the left-hand side of a filter clause refers to: a run's metric, param, tag, attribute or dataset. */
public enum EntityType {
    METRIC("metric"),
    PARAM("param"),
    TAG("tag"),
    ATTRIBUTE("attribute"),
    DATASET("dataset");

    private final String label;

    EntityType(String label) {
        this.label = label;
    }

    /** A singular lower-case name used in error messages. */
    public String label() {
        return label;
    }
}
