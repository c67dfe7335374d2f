package dev.lathe.examples.cli;

import dev.lathe.core.LatheException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lathe} command line: one subcommand per job, {@code --help} on each. */
@Command(
        name = "lathe",
        mixinStandardHelpOptions = true,
        version = "lathe " + dev.lathe.core.Lathe.VERSION,
        description = "Train, tune, evaluate and track models inside the JVM.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class LatheCli {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (2 for bad input, 1 for other failures). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new LatheCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof LatheException) {
                commandLine.getErr().println("lathe: error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
