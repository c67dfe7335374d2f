package dev.lathe.tracking.registry;

import dev.lathe.core.LatheException;
import java.util.regex.Pattern;

/** MLflow's alias rules: word characters and dashes, at most 255 long, {@code latest} and {@code v<digits>} reserved. */
public final class AliasRules {
    public static final int MAX_ALIAS_LENGTH = 255;
    private static final Pattern VALID = Pattern.compile("^[\\w\\-]+$");
    private static final Pattern VERSION_LIKE = Pattern.compile("^[vV]\\d+$");

    private AliasRules() {}

    public static void check(String alias) {
        LatheException.check(alias != null && !alias.isEmpty(), "model alias must not be empty");
        LatheException.check(
                alias.length() <= MAX_ALIAS_LENGTH,
                "model alias '%s...' has length %d, which exceeds the limit of %d",
                alias.substring(0, Math.min(20, alias.length())),
                alias.length(),
                MAX_ALIAS_LENGTH);
        LatheException.check(
                VALID.matcher(alias).matches(),
                "invalid model alias '%s': aliases may only contain alphanumerics, underscores and dashes",
                alias);
        LatheException.check(
                !alias.equalsIgnoreCase("latest"), "model alias 'latest' is reserved (models:/name/latest)");
        LatheException.check(
                !VERSION_LIKE.matcher(alias).matches(),
                "model alias '%s' is reserved: aliases of the form v<digits> would shadow version numbers",
                alias);
    }

    /** Registered model names: non-blank, and without '/' or '@', which would make URIs ambiguous. */
    public static void checkModelName(String name) {
        LatheException.check(
                name != null && !name.isBlank(), "registered model name must not be blank, got '%s'", name);
        LatheException.check(
                !name.contains("/") && !name.contains("@"),
                "registered model name must not contain '/' or '@', got '%s'",
                name);
    }
}
