package dev.lathe.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the README's getting-started block in this JVM, with the shell syntax it uses: line
 * continuations, comments, quotes, {@code VAR=$(...)}, {@code "$VAR"} and {@code $(...)} in arguments
 * (split into words as bash does when unquoted). Every command must be {@code ./lathe ...}; it runs
 * through {@link LatheCli#execute}. Started in a child JVM whose working directory is the directory
 * the block runs in, so relative paths mean what they mean for a user.
 */
final class ReadmeShell {
    static final String BEGIN = "<!-- getting-started:begin -->";
    static final String END = "<!-- getting-started:end -->";
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", Pattern.DOTALL);

    private final Map<String, String> vars = new HashMap<>();

    /** The fenced block between the markers, without the fence lines. */
    static String block(Path readme) throws IOException {
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(readme + " has no " + BEGIN + " ... " + END + " block");
        }
        List<String> lines =
                text.substring(begin + BEGIN.length(), end).strip().lines().toList();
        if (!lines.get(0).startsWith("```") || !lines.get(lines.size() - 1).equals("```")) {
            throw new IOException("the getting-started block of " + readme + " is not a fenced code block");
        }
        return String.join("\n", lines.subList(1, lines.size() - 1)) + "\n";
    }

    /** The block's commands, continuation lines joined. */
    static List<String> commands(String block) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.lines().toList()) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1);
            } else {
                current.append(line);
                if (!current.toString().isBlank()) {
                    commands.add(current.toString().strip());
                }
                current.setLength(0);
            }
        }
        return commands;
    }

    /** Runs one command line; returns its stdout. Throws when the command fails. */
    String run(String line) {
        Matcher assignment = ASSIGNMENT.matcher(line);
        if (assignment.matches()) {
            List<String> value = words(assignment.group(2), false);
            if (value.size() > 1) {
                throw new IllegalStateException("only plain assignments are supported, got: " + line);
            }
            vars.put(assignment.group(1), value.isEmpty() ? "" : value.get(0));
            return "";
        }
        return execute(words(line, true));
    }

    private String execute(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("./lathe")) {
            throw new IllegalStateException("the block may only run ./lathe, got " + words);
        }
        String[] args = words.subList(1, words.size()).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream direct = new ByteArrayOutputStream(); // demo prints to System.out
        PrintStream stdout = System.out;
        int code;
        System.setOut(new PrintStream(direct, true, StandardCharsets.UTF_8));
        try {
            code = LatheCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        } finally {
            System.setOut(stdout);
        }
        String printed = direct.toString(StandardCharsets.UTF_8) + out;
        System.out.print(printed);
        System.err.print(err);
        if (code != 0) {
            throw new IllegalStateException("exit " + code + ": ./lathe " + String.join(" ", args) + "\n" + err);
        }
        return printed;
    }

    /**
     * Splits a command line into words at unquoted blanks, expanding variables and command
     * substitutions; with {@code split}, unquoted expansions are split into words too (not in
     * assignments, as in bash).
     */
    private List<String> words(String line, boolean split) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                break; // a comment: '#' at the start of a word
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '$') {
                StringBuilder value = new StringBuilder();
                i = dollar(line, i, value);
                List<String> pieces = split
                        ? List.of(value.toString().strip().split("\\s+"))
                        : List.of(value.toString().strip());
                for (int p = 0; p < pieces.size(); p++) {
                    if (p > 0) {
                        words.add(word.toString());
                        word.setLength(0);
                    }
                    word.append(pieces.get(p));
                }
                inWord = inWord || !value.toString().isBlank();
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Reads a double-quoted string starting after its opening quote; returns the index after the close. */
    private int doubleQuoted(String line, int i, StringBuilder word) {
        while (line.charAt(i) != '"') {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && "\"\\$".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = dollar(line, i, word);
            } else {
                word.append(c);
                i++;
            }
        }
        return i + 1;
    }

    /** Expands {@code $VAR}, {@code ${VAR}} or {@code $(command)} at {@code i}; returns the index after it. */
    private int dollar(String line, int i, StringBuilder into) {
        if (line.startsWith("$(", i)) {
            int depth = 0;
            int j = i + 1;
            do {
                char c = line.charAt(j);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                j++;
            } while (depth > 0);
            into.append(run(line.substring(i + 2, j - 1)).stripTrailing());
            return j;
        }
        Matcher m = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?").matcher(line);
        if (!m.find(i) || m.start() != i) {
            throw new IllegalStateException("unsupported '$' in: " + line);
        }
        String name = m.group(1);
        if (!vars.containsKey(name)) {
            throw new IllegalStateException("variable " + name + " is not set (set -u) in: " + line);
        }
        into.append(vars.get(name));
        return m.end();
    }

    /** Runs the README's block in the working directory; exit code 1 on the first failing command. */
    public static void main(String[] args) throws IOException {
        ReadmeShell shell = new ReadmeShell();
        for (String command : commands(block(Path.of(args[0])))) {
            System.err.println("$ " + command);
            try {
                shell.run(command);
            } catch (IllegalStateException e) {
                System.err.println("FAILED: " + e.getMessage());
                System.exit(1);
            }
        }
    }
}
