package dev.lathe.core.tracking;

/** The three kinds of keyed data a run logs (metrics, params, tags), for listing the keys in use. */
public enum RunDataKind {
    METRIC,
    PARAM,
    TAG
}
