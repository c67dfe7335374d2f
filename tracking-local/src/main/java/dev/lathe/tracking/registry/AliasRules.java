package dev.lathe.tracking.registry;

import dev.lathe.core.LatheException;
import dev.lathe.tracking.validation.EntityValidator;
import dev.lathe.tracking.validation.MlflowLimits;
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

    /**
     * Registered model names: MLflow's rules (not empty; at most 256 characters, its SQL column), no
     * control characters, and neither '/' nor '@' nor a bare {@code .} or {@code ..}, which would make
     * {@code models:/} URIs ambiguous or read as path segments.
     */
    public static void checkModelName(String name) {
        EntityValidator.checkName("registered model name", name, MlflowLimits.MAX_REGISTERED_MODEL_NAME_LENGTH);
        LatheException.check(
                !name.contains("/") && !name.contains("@"),
                "invalid registered model name '%s': it must not contain '/' or '@'",
                name);
        LatheException.check(
                !name.equals(".") && !name.equals(".."),
                "invalid registered model name '%s': '.' and '..' read as path segments in models:/ URIs",
                name);
    }
}
