package dev.lathe.core;

/** Facts about this build of Lathe, recorded in provenance and tracking tags. */
public final class LatheVersion {
    /** The library version. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private LatheVersion() {}
}
