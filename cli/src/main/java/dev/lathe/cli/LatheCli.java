package dev.lathe.cli;

import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lathe} command line: one subcommand per job, {@code --help} on each. */
@Command(
        name = "lathe",
        mixinStandardHelpOptions = true,
        version = "lathe " + dev.lathe.core.LatheVersion.VERSION,
        description = "Train, tune, evaluate and track models inside the JVM.",
        subcommands = {
            DemoCommand.class,
            TrainCommand.class,
            SearchCommand.class,
            WorkerCommand.class,
            EvaluateCommand.class,
            MonitorCommand.class,
            RunsCommand.class,
            ExperimentsCommand.class,
            RegistryCommand.class,
            ExportCommand.class,
            UiCommand.class,
            ServeCommand.class,
            PredictCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LatheCli {
    /** The checkout the {@code lathe} script runs from (its bundled data, its build's caches). */
    static final String HOME_PROPERTY = "lathe.home";

    public static void main(String[] args) {
        startup();
        System.exit(execute(args));
    }

    /**
     * Netty's switch for its buffer allocator's flight-recorder events. On (Netty 4.2's default), the first
     * buffer of {@code lathe serve} starts the JDK's flight recorder, ~0.1 s of its start; the command line
     * turns them off unless the JVM was given the property.
     */
    static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";

    /**
     * What {@code main} sets up for the process, not for embedding programs: quiet library logging, Netty's
     * flight-recorder events off unless asked for, and, when started from a checkout (the {@code lathe}
     * script), sqlite-jdbc's library from its copy there.
     */
    static void startup() {
        CliLogging.quiet();
        if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
            System.setProperty(NETTY_JFR_PROPERTY, "false");
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null) {
            SqliteNativeLibrary.useCopyUnder(java.nio.file.Path.of(home));
        }
    }

    /** Runs the command line and returns its exit code (2 for bad input, 1 for internal and storage failures). */
    public static int execute(String... args) {
        return commandLine(args).execute(arguments(args));
    }

    /**
     * Runs the command line with the given output (results, JSON) and error (progress, errors)
     * writers, as tests and embedding programs need.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(arguments(args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command whose start is timed ({@code /ping} after start): it runs without the others. */
    private static final String SERVE =
            ServeCommand.class.getAnnotation(Command.class).name();

    /**
     * The command line {@code args} run on: {@code lathe serve} alone (building every subcommand's model
     * first cost ~175 ms of CPU before the server could answer {@code /ping}), else every command.
     */
    private static CommandLine commandLine(String[] args) {
        return configure(
                serves(args)
                        ? new CommandLine(new ServeCommand()).setCommandName("lathe " + SERVE)
                        : new CommandLine(new LatheCli()));
    }

    private static String[] arguments(String[] args) {
        return serves(args) ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    }

    private static boolean serves(String[] args) {
        return args.length > 0 && args[0].equals(SERVE);
    }

    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof LatheException l) {
                commandLine.getErr().println("lathe: error [" + l.errorCode() + "]: " + e.getMessage());
                commandLine.getErr().flush();
                return exitCode(l.errorCode());
            }
            throw e;
        });
        return cli;
    }

    /**
     * The exit code of a failure: 2 when the user can fix the input (a value, the data, a name that
     * does not exist or is taken, an entity in the wrong state), 1 when Lathe or the storage failed.
     */
    static int exitCode(ErrorCode code) {
        return switch (code) {
            case INVALID_PARAMETER_VALUE,
                    BAD_REQUEST,
                    RESOURCE_DOES_NOT_EXIST,
                    RESOURCE_ALREADY_EXISTS,
                    INVALID_STATE -> 2;
            case IO_ERROR, INTERNAL_ERROR -> 1;
        };
    }
}
