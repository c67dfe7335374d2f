package dev.lathe.core.tracking;

import dev.lathe.core.LatheException;

/** An immutable run parameter (key, value). */
public record Param(String key, String value) {
    public Param {
        LatheException.check(key != null, "param key must not be null");
        LatheException.check(value != null, "param '%s' value must not be null", key);
    }
}
