package dev.lathe.tuning;

import dev.lathe.tuning.trial.Trial;
import dev.lathe.tuning.trial.TrialError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Renders trials as a table: number, state, value, duration_seconds, error, then one column per
 * parameter holding the logged value text. As a Tablesaw {@link Table} or RFC 4180 CSV.
 */
public final class TrialTable {
    static final List<String> FIXED_COLUMNS = List.of("number", "state", "value", "duration_seconds", "error");

    private TrialTable() {}

    static List<String> paramNames(List<Trial> trials) {
        Set<String> names = new LinkedHashSet<>();
        for (Trial t : trials) {
            names.addAll(t.params().values().keySet());
        }
        return new ArrayList<>(names);
    }

    public static Table table(List<Trial> trials) {
        IntColumn number = IntColumn.create("number");
        StringColumn state = StringColumn.create("state");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn duration = DoubleColumn.create("duration_seconds");
        StringColumn error = StringColumn.create("error");
        List<String> names = paramNames(trials);
        List<StringColumn> params = new ArrayList<>();
        for (String n : names) {
            params.add(StringColumn.create(n));
        }
        for (Trial t : trials) {
            number.append(t.number());
            state.append(t.state().name());
            value.append(t.value());
            duration.append(t.duration().toNanos() / 1e9);
            error.append(t.error().map(TrialError::message).orElse(""));
            for (int i = 0; i < names.size(); i++) {
                Object v = t.params().values().get(names.get(i));
                params.get(i).append(v == null ? "" : String.valueOf(v));
            }
        }
        Table table = Table.create("trials", number, state, value, duration, error);
        params.forEach(table::addColumns);
        return table;
    }

    public static String csv(List<Trial> trials) {
        List<String> names = paramNames(trials);
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        header.addAll(names);
        line(sb, header);
        for (Trial t : trials) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t.number()));
            row.add(t.state().name());
            row.add(Double.toString(t.value()));
            row.add(Double.toString(t.duration().toNanos() / 1e9));
            row.add(t.error().map(TrialError::message).orElse(""));
            for (String n : names) {
                Object v = t.params().values().get(n);
                row.add(v == null ? "" : String.valueOf(v));
            }
            line(sb, row);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
