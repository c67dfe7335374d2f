package dev.lathe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/** Byte parsing against the JDK's parsers on random values. */
class ByteCellsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decimalsRoundExactlyAsDoubleParseDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String s;
            switch (i % 4) {
                case 0 -> s = Long.toString(random.nextLong() % 1_000_000_000_000L) + "." + random.nextInt(1_000_000);
                case 1 -> s = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
                case 2 -> s = String.format("%.2f", random.nextDouble() * 500 - 100);
                default -> s = "-0.00" + random.nextInt(1000);
            }
            byte[] bytes = b(s);
            assertEquals(Double.parseDouble(s), ByteCells.decimal(bytes, 0, bytes.length), s);
        }
    }

    @Test
    void integersAndTheirNarrowestType() {
        assertEquals(CellType.INT, ByteCells.numericType(b("2147483647"), 0, 10));
        assertEquals(CellType.LONG, ByteCells.numericType(b("2147483648"), 0, 10));
        assertEquals(CellType.LONG, ByteCells.numericType(b("-2147483648"), 0, 11));
        assertEquals(CellType.DOUBLE, ByteCells.numericType(b("12345678901234567890"), 0, 20));
        assertEquals(CellType.DOUBLE, ByteCells.numericType(b("1e3"), 0, 3));
        assertEquals(CellType.TEXT, ByteCells.numericType(b("1.5d"), 0, 4));
        assertEquals(CellType.TEXT, ByteCells.numericType(b("N"), 0, 1));
        assertEquals(-42L, ByteCells.integer(b("-42"), 0, 3));
    }

    @Test
    void timestampsPackAsTablesawPacksTheJdksParse() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(1990, 1, 1, 0, 0)
                    .plusSeconds(random.nextInt(1_200_000_000))
                    .plusNanos(i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = t.toString().replace('T', i % 2 == 0 ? ' ' : 'T');
            if (t.getSecond() == 0 && t.getNano() == 0) {
                text = text + ":00";
            }
            byte[] bytes = b(text);
            assertEquals(
                    PackedLocalDateTime.pack(TimestampText.parse(text)),
                    ByteCells.timestamp(bytes, 0, bytes.length),
                    text);
        }
        assertEquals(ByteCells.NOT_A_TIMESTAMP, ByteCells.timestamp(b("2023-02-29 00:00:00"), 0, 19));
        assertEquals(ByteCells.NOT_A_TIMESTAMP, ByteCells.timestamp(b("2023-01-01 24:00:00"), 0, 19));
        assertEquals(ByteCells.NOT_A_TIMESTAMP, ByteCells.timestamp(b("yesterday"), 0, 9));
    }
}
