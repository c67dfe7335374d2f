package dev.lathe.core.tracking;

import java.util.List;

/** The datasets a run used, each with its context (train, eval, ...). */
public record RunInputs(List<DatasetInput> datasets) {
    public RunInputs {
        datasets = List.copyOf(datasets);
    }
}
