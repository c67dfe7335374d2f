package dev.lathe.evaluation.gates;

import dev.lathe.core.LatheException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a candidate model fails a {@link ValidationGate}; lists every failed metric rule. */
public class ModelValidationFailedException extends LatheException {
    private static final long serialVersionUID = 1L;

    private final transient List<MetricFailure> failures;

    public ModelValidationFailedException(List<MetricFailure> failures) {
        super(message(failures));
        this.failures = List.copyOf(failures);
    }

    /** Every failed rule, in the gate's metric order. */
    public List<MetricFailure> failures() {
        return failures;
    }

    private static String message(List<MetricFailure> failures) {
        return "model validation failed on " + failures.size() + " rule(s):\n"
                + failures.stream().map(f -> "  - " + f.describe()).collect(Collectors.joining("\n"));
    }
}
