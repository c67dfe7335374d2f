package dev.lathe.core.tracking;

/** A run as read back: its info, data (latest metrics, params, tags) and inputs. */
public record Run(RunInfo info, RunData data, RunInputs inputs) {}
