package dev.lathe.workflow;

import dev.lathe.core.data.Dataset;
import dev.lathe.core.model.Model;
import dev.lathe.core.model.Trainer;
import dev.lathe.core.model.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows a fit's progress on stderr, one line per start, per {@code every} steps of a metric stream
 * (boosting rounds) and at the end, so that stdout stays clean for results and JSON.
 */
public final class ProgressListener implements TrainingListener {
    private final PrintWriter err;
    private final int every;

    public ProgressListener(PrintWriter err, int every) {
        dev.lathe.core.LatheException.check(every >= 1, "progress interval must be >= 1, got %d", every);
        this.err = err;
        this.every = every;
    }

    @Override
    public void fitStarted(Trainer<?> trainer, Dataset train, Optional<Dataset> validation) {
        err.printf(
                Locale.ROOT,
                "[lathe] fitting %s on %s (%d rows x %d features)%n",
                trainer.name(),
                train.name(),
                train.rows(),
                train.featureCount());
        err.flush();
    }

    @Override
    public void metric(String key, double value, long step) {
        if (key.startsWith("validation_") && (step + 1) % every == 0) {
            err.printf(Locale.ROOT, "[lathe] round %d %s=%.5f%n", step + 1, key, value);
            err.flush();
        }
    }

    @Override
    public void fitFinished(Trainer<?> trainer, Model model, Duration elapsed) {
        err.printf(Locale.ROOT, "[lathe] %s fitted in %.1f s%n", trainer.name(), elapsed.toMillis() / 1000.0);
        err.flush();
    }
}
