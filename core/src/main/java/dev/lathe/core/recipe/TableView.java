package dev.lathe.core.recipe;

import dev.lathe.core.DataException;
import dev.lathe.core.ErrorCode;
import dev.lathe.core.LatheException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recipe's view of one input table (or {@link ColumnValues}): every column name (raw, or derived by the recipe) resolved to
 * its {@link Cells} once, derived columns over the columns they read. A column the table lacks fails
 * naming the source, the column and the columns present.
 */
final class TableView {
    private final Map<String, DerivedColumn> derived;
    private final InputColumns table;
    private final String source;
    private final Map<String, Cells> resolved = new HashMap<>();

    TableView(List<DerivedColumn> derived, InputColumns table, String source) {
        this.derived = new HashMap<>();
        derived.forEach(d -> this.derived.put(d.name(), d));
        this.table = table;
        this.source = source;
    }

    String source() {
        return source;
    }

    int rows() {
        return table.rows();
    }

    Cells cells(String name) {
        Cells c = resolved.get(name);
        if (c == null) {
            c = resolve(name);
            resolved.put(name, c);
        }
        return c;
    }

    private Cells resolve(String name) {
        DerivedColumn d = derived.get(name);
        if (d == null) {
            LatheException.check(
                    ErrorCode.BAD_REQUEST,
                    table.has(name),
                    "%s: required column '%s' is missing; columns present: %s",
                    source,
                    name,
                    table.names());
            return table.cells(name, source);
        }
        if (d instanceof DerivedColumn.FirstOf f) {
            for (String candidate : f.candidates()) {
                if (table.has(candidate) || derived.containsKey(candidate)) {
                    return cells(candidate);
                }
            }
            throw new DataException(source + ": none of the columns " + f.candidates() + " is present (needed for '"
                    + f.name() + "'); columns present: " + table.names());
        }
        List<Cells> inputs = new ArrayList<>();
        for (String s : d.sources()) {
            inputs.add(cells(s));
        }
        return DerivedCells.of(d, inputs, table.rows(), source);
    }
}
