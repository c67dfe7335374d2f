package dev.lathe.core.recipe;

import dev.lathe.core.LatheException;

/** The checks every part of a recipe applies to the column names it is given. */
final class RecipeChecks {
    private RecipeChecks() {}

    static String name(String name, String what) {
        LatheException.check(name != null && !name.isBlank(), "%s name must not be blank, got '%s'", what, name);
        return name;
    }
}
