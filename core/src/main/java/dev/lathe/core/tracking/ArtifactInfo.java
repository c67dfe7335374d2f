package dev.lathe.core.tracking;

/** One entry of an artifact listing: path relative to the run's artifact root, directory flag, size. */
public record ArtifactInfo(String path, boolean directory, long fileSize) {}
