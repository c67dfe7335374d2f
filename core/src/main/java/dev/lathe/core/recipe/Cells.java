package dev.lathe.core.recipe;

import dev.lathe.core.features.CategoricalColumn;
import java.time.LocalDateTime;

/**
 * One column of a table as a recipe reads it, raw or derived: each cell as text (a category), as a
 * number or as a timestamp. Bad values fail naming the source, column, row and value.
 */
interface Cells {
    String name();

    boolean isMissing(int row);

    /** The cell as a category; a missing cell reads "nan", as pandas' {@code astype(str)}. */
    String text(int row);

    /**
     * The {@link #text} of rows {@code 0 .. rows-1} dictionary-encoded; kinds that can override this to
     * build a string per distinct value instead of one per row.
     */
    default CategoricalColumn categories(int rows) {
        return CategoryCodes.byText(this, rows);
    }

    /** The cell as a number; NaN when missing. */
    double number(int row);

    /** The cell as a timestamp; null when missing. */
    LocalDateTime time(int row);
}
