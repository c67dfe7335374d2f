package dev.lathe.examples.search;

import dev.lathe.core.InvalidParameterException;
import java.util.Locale;

/**
 * The course search variants: TPE with median pruning, TPE with asynchronous successive halving
 * (ASHA), TPE without pruning, random search.
 */
public enum SearchMode {
    TPE_PRUNED,
    TPE_ASHA,
    TPE,
    RANDOM;

    /** Parses "tpe-pruned", "tpe" or "random". */
    public static SearchMode parse(String text) {
        for (SearchMode m : values()) {
            if (m.label().equals(text.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidParameterException(
                "--mode must be one of tpe-pruned, tpe-asha, tpe, random, got '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
