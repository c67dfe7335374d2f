package dev.lathe.cli;

import dev.lathe.core.LatheException;
import picocli.CommandLine.Option;

/**
 * The {@code --threads N} option, one meaning in every command: the CPU threads the command may keep
 * busy at once (a fit's threads for {@code train}, trials run side by side for {@code search}).
 */
public final class ThreadsOption {
    /** What {@code --threads} means, the start of its help text in every command. */
    static final String MEANING = "CPU threads this command may keep busy at once: a fit's threads in train, trials"
            + " run side by side (one thread each) in search";

    static final String DESCRIPTION = MEANING + " (default: ${DEFAULT-VALUE}).";

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = DESCRIPTION)
    int threads;

    /** The validated thread count. */
    public int threads() {
        LatheException.check(threads >= 1, "--threads must be >= 1, got %d", threads);
        return threads;
    }
}
