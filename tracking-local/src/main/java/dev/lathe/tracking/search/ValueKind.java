package dev.lathe.tracking.search;

/** Whether a searchable field compares against quoted strings or numeric literals. */
public enum ValueKind {
    STRING,
    NUMERIC
}
