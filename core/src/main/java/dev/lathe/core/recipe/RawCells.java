package dev.lathe.core.recipe;

import dev.lathe.core.DataException;
import dev.lathe.core.features.CategoricalColumn;
import dev.lathe.core.io.TimestampText;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.Column;

/** A column of the input table, read through {@link CellValues}; text timestamps are parsed. */
final class RawCells implements Cells {
    private final Column<?> column;
    private final String source;

    RawCells(Column<?> column, String source) {
        this.column = column;
        this.source = source;
    }

    @Override
    public String name() {
        return column.name();
    }

    @Override
    public boolean isMissing(int row) {
        return column.isMissing(row);
    }

    @Override
    public String text(int row) {
        return CellValues.categorical(column, row);
    }

    /** The column when it holds timestamps as Tablesaw packs them, else null. */
    DateTimeColumn packedTimes() {
        return column instanceof DateTimeColumn dt ? dt : null;
    }

    @Override
    public CategoricalColumn categories(int rows) {
        return CategoryCodes.of(column);
    }

    @Override
    public double number(int row) {
        return CellValues.numerical(column, row, source);
    }

    @Override
    public LocalDateTime time(int row) {
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof DateTimeColumn dt) {
            return dt.get(row);
        }
        String text = column.getString(row);
        try {
            return TimestampText.parse(text);
        } catch (DateTimeParseException e) {
            throw new DataException(source + ": column '" + name() + "' (type " + column.type() + "), "
                    + CellValues.where(row) + ": '" + text + "' is not a timestamp (expected "
                    + TimestampText.EXPECTED + ")");
        }
    }
}
