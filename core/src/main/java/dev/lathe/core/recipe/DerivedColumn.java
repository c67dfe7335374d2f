package dev.lathe.core.recipe;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lathe.core.InvalidParameterException;
import dev.lathe.core.LatheException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A column a recipe computes from other columns (raw, or derived earlier in the recipe) before it
 * filters rows and reads the target and features. Written as text in the grammar {@value #GRAMMAR}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DerivedColumn.Concat.class, name = "concat"),
    @JsonSubTypes.Type(value = DerivedColumn.MinutesBetween.class, name = "minutes_between"),
    @JsonSubTypes.Type(value = DerivedColumn.AsText.class, name = "text"),
    @JsonSubTypes.Type(value = DerivedColumn.FirstOf.class, name = "first_of")
})
public sealed interface DerivedColumn {
    /** The derived-column grammar, for help texts and error messages. */
    String GRAMMAR = "NAME=concat(A,B,...) (text joined by '_'), NAME=minutes_between(START,END),"
            + " NAME=text(A) or NAME=first_of(A,B,...) (the first of these columns the table has)";

    String name();

    /** The columns it reads. */
    List<String> sources();

    /** Its definition in the grammar, e.g. "PU_DO=concat(PULocationID,DOLocationID)". */
    default String expression() {
        return name() + "=" + function() + "(" + String.join(",", sources()) + ")";
    }

    /** The grammar's function name. */
    String function();

    /** Text of each source joined by '_': "166_143" (a missing part reads "nan"). */
    record Concat(String name, List<String> sources) implements DerivedColumn {
        /** What joins the parts. */
        public static final String SEPARATOR = "_";

        public Concat {
            RecipeChecks.name(name, "derived column");
            LatheException.check(
                    sources != null && sources.size() >= 2,
                    "derived column '%s': concat needs two or more columns",
                    name);
            sources = List.copyOf(sources);
            sources.forEach(s -> RecipeChecks.name(s, "source column"));
        }

        @Override
        public String function() {
            return "concat";
        }
    }

    /** Minutes from {@code start} to {@code end} (timestamps, or text as yyyy-MM-dd HH:mm:ss), fractional. */
    record MinutesBetween(String name, String start, String end) implements DerivedColumn {
        public MinutesBetween {
            RecipeChecks.name(name, "derived column");
            RecipeChecks.name(start, "start column");
            RecipeChecks.name(end, "end column");
        }

        @Override
        public List<String> sources() {
            return List.of(start, end);
        }

        @Override
        public String function() {
            return "minutes_between";
        }
    }

    /** The source's values as text, so that a numeric id is encoded as a category ("166", not 166.0). */
    record AsText(String name, String source) implements DerivedColumn {
        public AsText {
            RecipeChecks.name(name, "derived column");
            RecipeChecks.name(source, "source column");
        }

        @Override
        public List<String> sources() {
            return List.of(source);
        }

        @Override
        public String function() {
            return "text";
        }
    }

    /** The first of {@code candidates} the table has, e.g. green ({@code lpep_}) or yellow ({@code tpep_}) times. */
    record FirstOf(String name, List<String> candidates) implements DerivedColumn {
        public FirstOf {
            RecipeChecks.name(name, "derived column");
            LatheException.check(
                    candidates != null && !candidates.isEmpty(), "derived column '%s': first_of needs columns", name);
            candidates = List.copyOf(candidates);
            candidates.forEach(s -> RecipeChecks.name(s, "candidate column"));
        }

        @Override
        public List<String> sources() {
            return candidates;
        }

        @Override
        public String function() {
            return "first_of";
        }
    }

    /** Parses one definition of the grammar {@value #GRAMMAR}, e.g. {@code PU_DO=concat(PULocationID,DOLocationID)}. */
    static DerivedColumn parse(String text) {
        LatheException.check(
                text != null && !text.isBlank(), "a derived column must not be blank; expected %s", GRAMMAR);
        Matcher m = Grammar.DERIVED.matcher(text.trim());
        LatheException.check(m.matches(), "derived column '%s' is not understood; expected %s", text.trim(), GRAMMAR);
        String name = m.group(1);
        List<String> args = Arrays.stream(m.group(3).split(","))
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .toList();
        String function = m.group(2);
        return switch (function) {
            case "concat" -> new Concat(name, args);
            case "minutes_between" -> {
                LatheException.check(
                        args.size() == 2, "derived column '%s': minutes_between takes START,END, got %s", text, args);
                yield new MinutesBetween(name, args.get(0), args.get(1));
            }
            case "text" -> {
                LatheException.check(
                        args.size() == 1, "derived column '%s': text takes one column, got %s", text, args);
                yield new AsText(name, args.get(0));
            }
            case "first_of" -> new FirstOf(name, args);
            default -> throw new InvalidParameterException(
                    "derived column '" + text.trim() + "': unknown function '" + function + "'; expected " + GRAMMAR);
        };
    }
}
