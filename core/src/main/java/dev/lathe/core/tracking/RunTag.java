package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;

/** A mutable run tag (key, value). */
public record RunTag(String key, String value) {
    public RunTag {
        LatheException.check(key != null, "tag key must not be null");
        LatheException.check(value != null, "tag '%s' value must not be null", key);
    }
}
