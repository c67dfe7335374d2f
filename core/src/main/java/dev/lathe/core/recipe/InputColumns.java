package dev.lathe.core.recipe;

import java.util.List;

/** The raw columns a {@link TableView} reads: a Tablesaw table, or a request's {@link ColumnValues}. */
interface InputColumns {
    int rows();

    boolean has(String name);

    /** The column's cells; messages name {@code source}. */
    Cells cells(String name, String source);

    /** The column names, in order (for messages). */
    List<String> names();

    /** A Tablesaw table's columns. */
    static InputColumns of(tech.tablesaw.api.Table table) {
        return new InputColumns() {
            @Override
            public int rows() {
                return table.rowCount();
            }

            @Override
            public boolean has(String name) {
                return table.containsColumn(name);
            }

            @Override
            public Cells cells(String name, String source) {
                return new RawCells(table.column(name), source);
            }

            @Override
            public List<String> names() {
                return table.columnNames();
            }
        };
    }
}
