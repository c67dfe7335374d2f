package dev.lathe.workflow;

import java.nio.file.Path;

/** What a tracked batch prediction did: its run, the rows read and written, and the output file. */
public record PredictionResult(String runId, long rowsIn, long rowsOut, Path output) {}
