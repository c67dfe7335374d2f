package dev.lathe.tracking.registry;

import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import dev.lathe.core.tracking.ModelStage;
import dev.lathe.tracking.artifacts.ArtifactPaths;

/**
 * A parsed model URI: {@code runs:/<run>/<path>}, {@code models:/<name>/<version>}, {@code
 * models:/<name>@<alias>}, {@code models:/<name>/latest} or {@code models:/<name>/<stage>}.
 */
public sealed interface ModelUri {
    /** {@code runs:/<runId>/<path>}. */
    record RunArtifact(String runId, String path) implements ModelUri {}

    /** {@code models:/<name>/<version>}. */
    record Version(String name, int version) implements ModelUri {}

    /** {@code models:/<name>@<alias>}. */
    record Alias(String name, String alias) implements ModelUri {}

    /** {@code models:/<name>/latest}. */
    record Latest(String name) implements ModelUri {}

    /** {@code models:/<name>/<stage>}: the newest version in that stage. */
    record InStage(String name, ModelStage stage) implements ModelUri {}

    static ModelUri parse(String uri) {
        LatheException.check(uri != null, "model URI must not be null");
        if (uri.startsWith("runs:/")) {
            String rest = uri.substring("runs:/".length());
            int slash = rest.indexOf('/');
            LatheException.check(
                    slash > 0 && slash < rest.length() - 1,
                    "runs URI must look like runs:/<run_id>/<path>, got '%s'",
                    uri);
            return new RunArtifact(rest.substring(0, slash), ArtifactPaths.normalise(rest.substring(slash + 1), false));
        }
        LatheException.check(uri.startsWith("models:/"), "model URI must start with models:/ or runs:/, got '%s'", uri);
        String rest = uri.substring("models:/".length());
        int at = rest.indexOf('@');
        if (at >= 0) {
            String name = rest.substring(0, at);
            String alias = rest.substring(at + 1);
            LatheException.check(
                    !name.isEmpty() && !alias.isEmpty() && !alias.contains("/"),
                    "model URI must look like models:/<name>@<alias>, got '%s'",
                    uri);
            return new Alias(name, alias);
        }
        int slash = rest.lastIndexOf('/');
        LatheException.check(
                slash > 0 && slash < rest.length() - 1,
                "model URI must look like models:/<name>/<version|stage|latest> or models:/<name>@<alias>, got '%s'",
                uri);
        String name = rest.substring(0, slash);
        String suffix = rest.substring(slash + 1);
        if (suffix.matches("\\d{1,9}")) {
            return new Version(name, Integer.parseInt(suffix));
        }
        if (suffix.equalsIgnoreCase("latest")) {
            return new Latest(name);
        }
        try {
            return new InStage(name, ModelStage.parse(suffix));
        } catch (LatheException e) {
            throw new InvalidParameterException(
                    "model URI '" + uri + "' must end in a version number, 'latest' or a stage"
                            + " (None, Staging, Production, Archived), got '" + suffix + "'",
                    e);
        }
    }
}
