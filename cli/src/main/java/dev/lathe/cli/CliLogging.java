package dev.lathe.cli;

import dev.lathe.core.LatheException;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/**
 * The command line's logging: libraries that log through java.util.logging (Tribuo's per-fit INFO
 * lines) print warnings and errors only, so stdout and stderr carry Lathe's own output. SLF4J goes to
 * slf4j-simple, configured by {@code simplelogger.properties} the same way.
 */
final class CliLogging {
    static final String CONFIG = "/dev/lathe/cli/logging.properties";

    private CliLogging() {}

    /** Applies the configuration; called once by {@code main}, not by embedding programs. */
    static void quiet() {
        try (InputStream in = CliLogging.class.getResourceAsStream(CONFIG)) {
            LatheException.check(in != null, "the command line's logging configuration %s is missing", CONFIG);
            LogManager.getLogManager().readConfiguration(in);
        } catch (IOException e) {
            throw new LatheException("cannot read the logging configuration " + CONFIG + ": " + e, e);
        }
    }
}
