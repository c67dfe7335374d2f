package dev.lathe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of every command, walked from the root: each option with a default shows it, {@code
 * --threads} reads the same everywhere, and no help text names a Java class.
 */
class HelpTextTest {
    /** CamelCase words such as a Java class's simple name ("SearchSpaces", "TripRecord"). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\\b");

    /** Names of other tools' models that help texts may cite ("scikit-learn's ElasticNet"). */
    private static final Set<String> CITED = Set.of("ElasticNet");

    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(new CommandLine(new LatheCli())));
        while (!todo.isEmpty()) {
            CommandLine c = todo.remove(0);
            c.setUsageHelpWidth(1000); // one line per option: defaults are never wrapped apart
            all.add(c);
            todo.addAll(c.getSubcommands().values());
        }
        return all;
    }

    private static String name(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    private static String help(CommandLine c) {
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** An option's entry in the help: its first line and the continuation lines below it. */
    private static String entry(String help, Pattern starts) {
        Pattern anyOption = Pattern.compile("^\\s*(-[A-Za-z], )?--[a-z].*");
        StringBuilder entry = new StringBuilder();
        boolean in = false;
        for (String l : help.lines().toList()) {
            if (starts.matcher(l).matches()) {
                in = true;
            } else if (in && (anyOption.matcher(l).matches() || l.isBlank())) {
                break;
            }
            if (in) {
                entry.append(l.strip()).append(' ');
            }
        }
        return entry.toString();
    }

    @Test
    void everyOptionWithADefaultShowsIt() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (CommandLine c : everyCommand()) {
            String help = help(c);
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.usageHelp()
                        || o.versionHelp()
                        || o.required()
                        || o.arity().max() == 0) {
                    continue; // help flags, required options and on/off switches have no default to show
                }
                checked++;
                Pattern starts = Pattern.compile("^\\s*(-[A-Za-z], )?" + Pattern.quote(o.longestName()) + "[=\\s].*");
                String line = entry(help, starts);
                String value = o.defaultValue();
                String lower = line.toLowerCase(Locale.ROOT);
                boolean shown = value == null
                        ? lower.contains("default: ") || lower.contains("default ")
                        : lower.contains("default: " + value.toLowerCase(Locale.ROOT));
                if (!shown) {
                    missing.add(name(c) + " " + o.longestName() + " -> " + line.strip());
                }
            }
        }
        assertTrue(checked > 40, "walked the whole tree, checked " + checked);
        assertEquals(List.of(), missing, "options whose default --help does not show");
    }

    @Test
    void threadsMeansOneThingInEveryCommand() {
        List<String> commands = new ArrayList<>();
        for (CommandLine c : everyCommand()) {
            OptionSpec threads = c.getCommandSpec().findOption("--threads");
            if (threads != null) {
                commands.add(name(c));
                String text = String.join(" ", threads.description());
                assertTrue(text.startsWith(ThreadsOption.MEANING), name(c) + " --threads: " + text);
                assertTrue(text.contains("(default: 1"), name(c) + " --threads: " + text);
            }
        }
        assertTrue(commands.containsAll(List.of("lathe train", "lathe search")), commands.toString());
    }

    @Test
    void noHelpTextNamesAJavaClass() {
        List<String> found = new ArrayList<>();
        for (CommandLine c : everyCommand()) {
            String help = help(c);
            Matcher m = CLASS_NAME.matcher(help);
            while (m.find()) {
                if (CITED.contains(m.group())) {
                    continue;
                }
                found.add(name(c) + ": " + m.group());
            }
            assertFalse(help.contains("dev.lathe"), name(c) + " names a package: " + help);
            assertFalse(help.contains("Exception"), name(c) + " names an exception: " + help);
        }
        assertEquals(List.of(), found);
    }
}
