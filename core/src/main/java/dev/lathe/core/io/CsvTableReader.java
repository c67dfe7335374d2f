package dev.lathe.core.io;

import dev.lathe.core.DataException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV file (plain or {@code .gz}) into a Tablesaw {@link Table}. Columns whose name ends in
 * {@code _datetime} are parsed by Lathe itself ({@code yyyy-MM-dd HH:mm:ss[.fraction]} or ISO with a
 * {@code T}), so that a malformed timestamp is reported with the file, column, line and value.
 */
final class CsvTableReader {
    private CsvTableReader() {}

    static Table read(Path file, Set<String> only) {
        Table raw;
        try (Reader reader = open(file)) {
            CsvReadOptions options = CsvReadOptions.builder(reader)
                    .tableName(file.getFileName().toString())
                    .columnTypesPartial(
                            name -> isTimestampColumn(name) ? Optional.of(ColumnType.STRING) : Optional.empty())
                    .missingValueIndicator("")
                    .build();
            raw = Table.read().usingOptions(options);
        } catch (IOException | RuntimeException e) {
            throw new DataException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
        Table table = Table.create(raw.name());
        for (String name : raw.columnNames()) {
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            if (isTimestampColumn(name)) {
                table.addColumns(parseTimestamps(file, raw.stringColumn(name)));
            } else {
                table.addColumns(raw.column(name));
            }
        }
        return table;
    }

    static boolean isTimestampColumn(String name) {
        return name.endsWith("_datetime");
    }

    private static DateTimeColumn parseTimestamps(Path file, StringColumn text) {
        DateTimeColumn out = DateTimeColumn.create(text.name(), text.size());
        for (int i = 0; i < text.size(); i++) {
            if (text.isMissing(i)) {
                out.setMissing(i);
                continue;
            }
            String value = text.get(i).trim();
            try {
                out.set(i, TimestampText.parse(value));
            } catch (DateTimeParseException e) {
                throw new DataException(String.format(
                        "%s: column '%s', data row %d (line %d): malformed timestamp '%s' (expected %s)",
                        file, text.name(), i + 1, i + 2, value, TimestampText.EXPECTED));
            }
        }
        return out;
    }

    private static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
