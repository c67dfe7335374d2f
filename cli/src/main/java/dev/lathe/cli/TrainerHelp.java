package dev.lathe.cli;

import dev.lathe.core.model.TrainerSpec;
import dev.lathe.core.params.Hyperparameter;
import dev.lathe.core.params.Tunable;
import dev.lathe.trainers.TrainerCatalog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help sections derived from the trainers' declarations: {@code lathe train --help} lists every
 * trainer with each hyperparameter's name, type, valid range, default and doc; {@code lathe search
 * --help} lists each trainer's search ranges and grid.
 */
final class TrainerHelp {
    private static final int NAME_WIDTH = 21;

    private TrainerHelp() {}

    /** Every trainer and its hyperparameters, as {@code -P} takes them. */
    static String hyperparameters() {
        StringBuilder s = new StringBuilder("Trainers and their hyperparameters (-P NAME=VALUE, names as logged):\n");
        for (TrainerSpec spec : TrainerCatalog.all()) {
            s.append("  ").append(spec.name()).append(": ").append(spec.doc()).append('\n');
            for (Hyperparameter<?> p : spec.space().parameters()) {
                s.append(line(p.name(), summary(spec, p)));
                s.append("        ").append(p.doc()).append('\n');
            }
        }
        return s.toString();
    }

    /** Every trainer's search ranges (random and TPE) and grid values (grid search). */
    static String searchSpaces() {
        StringBuilder s = new StringBuilder("Search ranges (random, tpe) and grids (grid) per trainer:\n");
        for (TrainerSpec spec : TrainerCatalog.all()) {
            if (spec.search().isEmpty()) {
                s.append("  ").append(spec.name()).append(": nothing to search\n");
                continue;
            }
            s.append("  ").append(spec.name()).append(":\n");
            for (Tunable t : spec.search()) {
                String range = String.format(
                        Locale.ROOT,
                        "%s %s..%s",
                        t.integer() ? "integer" : t.log() ? "log-uniform" : "uniform",
                        number(t.low()),
                        number(t.high()));
                s.append(line(t.param().name(), range));
                if (!t.grid().isEmpty()) {
                    s.append("        grid ")
                            .append(t.grid().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")))
                            .append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String summary(TrainerSpec spec, Hyperparameter<?> p) {
        if (spec.seed().filter(p::equals).isPresent()) {
            return "set by --seed";
        }
        if (spec.threads().filter(p::equals).isPresent()) {
            return "set by --threads";
        }
        return p.summary();
    }

    private static String line(String name, String text) {
        return String.format(Locale.ROOT, "    %-" + NAME_WIDTH + "s %s%n", name, text);
    }

    private static String number(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Picocli footer (a format string: '%' doubled). */
    private static String footer(String text) {
        return "%n" + text.replace("%", "%%").replace("\n", "%n");
    }

    /** Adds {@link #hyperparameters()} to a command's help. */
    static final class Train implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.usageMessage().footer(footer(hyperparameters()));
            return spec;
        }
    }

    /** Adds {@link #searchSpaces()} to a command's help. */
    static final class Search implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.usageMessage().footer(footer(searchSpaces()));
            return spec;
        }
    }
}
