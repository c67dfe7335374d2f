package dev.lathe.core.recipe;

import java.util.Map;

/** Anything that gives one input row as column name -> value, so a pipeline can score it (e.g. a trip). */
public interface AsRow {
    Map<String, ?> toRow();
}
