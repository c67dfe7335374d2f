package dev.lathe.core.pipeline;

import dev.lathe.core.recipe.Recipe;

/**
 * Reads the recipe of a version-1 pipeline file, which stored the trip-duration settings (categorical,
 * numerical, minMinutes, maxMinutes) rather than a {@link Recipe}. Provided through {@link
 * java.util.ServiceLoader} by the module that owns that recipe ({@code lathe-tlc}).
 */
public interface LegacyRecipes {
    /** The recipe {@code prepConfigJson} (the version-1 settings block) meant. */
    Recipe fromVersion1(String prepConfigJson, String source);
}
