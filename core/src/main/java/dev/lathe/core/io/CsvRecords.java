package dev.lathe.core.io;

import dev.lathe.core.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An RFC 4180 record scanner over bytes: reads a stream through one large buffer (no line strings, no
 * split, no regex), one record at a time, and exposes each field as a byte range of {@link #bytes()}.
 * Handles quoted fields (doubled quotes, embedded commas and line breaks), CRLF and a UTF-8 BOM; skips
 * blank lines; counts physical lines so that errors can name them.
 */
final class CsvRecords {
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final Path file;
    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;
    private long line;
    private int fields;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] escaped = new boolean[64];
    /** Whether the current record has a quoted field (only then are line breaks and quotes inside fields looked for). */
    private boolean quoted;

    CsvRecords(Path file, InputStream in, int bufferSize) throws IOException {
        this.file = file;
        this.in = in;
        this.buf = new byte[bufferSize];
        fill();
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
    }

    /** The buffer the current record's fields point into. */
    byte[] bytes() {
        return buf;
    }

    int fieldCount() {
        return fields;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** The physical line (1-based) the current record starts on. */
    long line() {
        return line;
    }

    /** Advances to the next non-blank record; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            int end = scan(pos);
            while (end < 0) {
                if (eof) {
                    if (pos >= limit) {
                        return false;
                    }
                    end = scanLast();
                    break;
                }
                compactAndFill();
                end = scan(pos);
            }
            line = nextLine;
            nextLine++;
            if (quoted) {
                nextLine += countLineBreaksInQuotes();
                unescape();
            }
            pos = end;
            if (!(fields == 1 && starts[0] == ends[0] && !escaped[0])) {
                return true;
            }
        }
    }

    /**
     * Finds the fields of the record starting at {@code p}; returns the position after its line break,
     * or -1 when the buffer ends first (more input needed). Does not modify the buffer.
     */
    private int scan(int p) {
        fields = 0;
        quoted = false;
        byte[] b = buf;
        int lim = limit;
        while (true) {
            if (p >= lim) {
                return -1;
            }
            ensureFieldSlot();
            if (b[p] == QUOTE) {
                quoted = true;
                int start = p + 1;
                boolean esc = false;
                int q = start;
                while (true) {
                    while (q < lim && b[q] != QUOTE) {
                        q++;
                    }
                    if (q + 1 >= lim) {
                        return -1;
                    }
                    if (b[q + 1] == QUOTE) {
                        esc = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                starts[fields] = start;
                ends[fields] = q;
                escaped[fields] = esc;
                fields++;
                p = q + 1;
                byte c = b[p];
                if (c == COMMA) {
                    p++;
                    continue;
                }
                if (c == LF) {
                    return p + 1;
                }
                if (c == CR) {
                    if (p + 1 >= lim) {
                        return -1;
                    }
                    return b[p + 1] == LF ? p + 2 : p + 1;
                }
                throw new DataException(String.format(
                        "%s: line %d: unexpected character '%c' after the closing quote of field %d",
                        file, nextLine, (char) c, fields));
            }
            int start = p;
            while (p + Long.BYTES <= lim) {
                long m = delimiters((long) LONGS.get(b, p));
                if (m != 0) {
                    p += Long.numberOfTrailingZeros(m) >>> 3;
                    break;
                }
                p += Long.BYTES;
            }
            while (p < lim) {
                byte c = b[p];
                if (c == COMMA || c == LF || c == CR) {
                    break;
                }
                p++;
            }
            if (p >= lim) {
                return -1;
            }
            starts[fields] = start;
            ends[fields] = p;
            escaped[fields] = false;
            fields++;
            byte c = b[p];
            if (c == COMMA) {
                p++;
                if (p >= lim) {
                    return -1;
                }
                if (b[p] == LF || b[p] == CR) {
                    ensureFieldSlot();
                    starts[fields] = p;
                    ends[fields] = p;
                    escaped[fields] = false;
                    fields++;
                    return lineBreakEnd(p);
                }
                continue;
            }
            return lineBreakEnd(p);
        }
    }

    /** Eight bytes at once: a high bit set at (at least) the lowest byte that is a comma, LF or CR; 0 if none is. */
    private static long delimiters(long word) {
        return zeroBytes(word ^ (COMMA * ONES)) | zeroBytes(word ^ (LF * ONES)) | zeroBytes(word ^ (CR * ONES));
    }

    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    private int lineBreakEnd(int p) {
        if (buf[p] == LF) {
            return p + 1;
        }
        if (p + 1 >= limit) {
            return -1;
        }
        return buf[p + 1] == LF ? p + 2 : p + 1;
    }

    /** The last record of a stream that does not end with a line break: append one and scan again. */
    private int scanLast() {
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length + 1);
        }
        buf[limit++] = LF;
        int end = scan(pos);
        if (end < 0) {
            throw new DataException(String.format(
                    "%s: line %d: a quoted field is not closed before the end of the file", file, nextLine));
        }
        return end;
    }

    private void compactAndFill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        fill();
    }

    private void fill() throws IOException {
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }

    private void ensureFieldSlot() {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            escaped = Arrays.copyOf(escaped, fields * 2);
        }
    }

    private int countLineBreaksInQuotes() {
        int breaks = 0;
        for (int f = 0; f < fields; f++) {
            if (starts[f] > 0 && buf[starts[f] - 1] == QUOTE) {
                for (int i = starts[f]; i < ends[f]; i++) {
                    if (buf[i] == LF || (buf[i] == CR && (i + 1 >= ends[f] || buf[i + 1] != LF))) {
                        breaks++;
                    }
                }
            }
        }
        return breaks;
    }

    /** Turns each doubled quote of an escaped field into one, in place (the field only shrinks). */
    private void unescape() {
        for (int f = 0; f < fields; f++) {
            if (!escaped[f]) {
                continue;
            }
            int w = starts[f];
            for (int r = starts[f]; r < ends[f]; r++) {
                buf[w++] = buf[r];
                if (buf[r] == QUOTE) {
                    r++;
                }
            }
            ends[f] = w;
        }
    }
}
