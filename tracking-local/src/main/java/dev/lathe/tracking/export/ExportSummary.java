package dev.lathe.tracking.export;

/** What one export wrote: experiments (deleted ones included), runs and registered models. */
public record ExportSummary(int experiments, int runs, int models) {}
