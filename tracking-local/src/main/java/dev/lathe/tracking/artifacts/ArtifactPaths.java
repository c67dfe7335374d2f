package dev.lathe.tracking.artifacts;

import dev.lathe.core.LatheException;
import dev.lathe.tracking.validation.EntityValidator;
import dev.lathe.tracking.validation.Printable;

/** Validates relative artifact paths: no absolute paths, no {@code ..}, forward slashes only. */
public final class ArtifactPaths {
    private ArtifactPaths() {}

    /**
     * Returns the normalised form of {@code path} ("" for the root), or throws when it is absolute or
     * escapes the artifact root.
     */
    public static String normalise(String path, boolean allowRoot) {
        LatheException.check(path != null, "artifact path must not be null");
        int control = EntityValidator.firstControl(path);
        LatheException.check(
                control < 0,
                "invalid artifact path '%s': it must not contain NUL or other control characters"
                        + " (found U+%04X at index %d)",
                Printable.of(path),
                control < 0 ? 0 : (int) path.charAt(control),
                control);
        String p = path.replace('\\', '/');
        LatheException.check(
                !p.startsWith("/") && !p.matches("^[A-Za-z]:.*") && !p.startsWith("~"),
                "artifact path must be relative, got '%s'",
                path);
        StringBuilder out = new StringBuilder();
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            LatheException.check(!segment.equals(".."), "artifact path must not contain '..', got '%s'", path);
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        LatheException.check(allowRoot || out.length() > 0, "artifact path must name a file, got '%s'", path);
        return out.toString();
    }
}
