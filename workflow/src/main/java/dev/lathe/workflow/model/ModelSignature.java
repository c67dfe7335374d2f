package dev.lathe.workflow.model;

import dev.lathe.core.LatheException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What a saved pipeline takes and gives (MLflow's model signature): its raw input columns with their
 * types as read from the training file, the predicted column, and one input example (the first row
 * of the training file with every input present), so that a user sees how to call it.
 */
public record ModelSignature(List<InputColumn> inputs, String target, Map<String, Object> example) {
    /** One input column and its MLflow column type (string, long, integer, double, float, boolean, datetime). */
    public record InputColumn(String name, String type) {}

    public ModelSignature {
        inputs = List.copyOf(inputs);
        example = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(example));
        LatheException.check(!inputs.isEmpty(), "a model signature needs at least one input column");
    }

    /**
     * The signature of a pipeline reading {@code names}: their types and an input example, taken from
     * {@code raw}, the first rows of {@code trainFile} as read.
     */
    public static ModelSignature of(List<String> names, String target, Table raw, Path trainFile) {
        for (String name : names) {
            LatheException.check(
                    raw.containsColumn(name),
                    "%s: input column '%s' of the pipeline is missing; columns present: %s",
                    trainFile,
                    name,
                    raw.columnNames());
        }
        // in the file's column order, so the signature reads like the data
        List<String> ordered =
                raw.columnNames().stream().filter(names::contains).toList();
        List<InputColumn> inputs = new ArrayList<>();
        for (String name : ordered) {
            inputs.add(new InputColumn(name, mlflowType(raw.column(name).type())));
        }
        return new ModelSignature(inputs, target, firstCompleteRow(raw, ordered, trainFile));
    }

    private static Map<String, Object> firstCompleteRow(Table raw, List<String> names, Path source) {
        rows:
        for (int i = 0; i < raw.rowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String name : names) {
                Column<?> c = raw.column(name);
                if (c.isMissing(i)) {
                    continue rows;
                }
                Object v = c.get(i);
                row.put(name, v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
            }
            return row;
        }
        throw new LatheException(source + ": no row has every input column " + names + " present");
    }

    private static String mlflowType(ColumnType type) {
        String name = type.name().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "STRING", "TEXT" -> "string";
            case "LONG" -> "long";
            case "INTEGER", "SHORT" -> "integer";
            case "DOUBLE" -> "double";
            case "FLOAT" -> "float";
            case "BOOLEAN" -> "boolean";
            case "LOCAL_DATE_TIME", "INSTANT", "LOCAL_DATE" -> "datetime";
            default -> "string";
        };
    }
}
