package dev.lathe.core.recipe;

import java.util.regex.Pattern;

/** The patterns of the filter and derived-column grammars (column names: letters, digits, '_', '.', '-'). */
final class Grammar {
    private static final String COLUMN = "([A-Za-z_][A-Za-z0-9_.\\-]*)";
    private static final String NUMBER = "(\\S+)";

    static final Pattern BETWEEN =
            Pattern.compile(COLUMN + "\\s+between\\s+" + NUMBER + "\\s+and\\s+" + NUMBER, Pattern.CASE_INSENSITIVE);
    static final Pattern PRESENT = Pattern.compile(COLUMN + "\\s+is\\s+not\\s+null", Pattern.CASE_INSENSITIVE);
    static final Pattern COMPARE = Pattern.compile(COLUMN + "\\s*(>=|<=|==|!=|>|<)\\s*" + NUMBER);
    /** NAME=function(ARG, ARG...). */
    static final Pattern DERIVED = Pattern.compile(COLUMN + "\\s*=\\s*([a-z_]+)\\s*\\((.*)\\)\\s*");

    private Grammar() {}
}
