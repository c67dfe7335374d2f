package dev.lathe.core.io;

import dev.lathe.core.DataException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decodes a CSV cell as strict UTF-8: bytes that are not UTF-8 (a Latin-1 or Windows-1252 file, a
 * truncated character) are an error naming the file, line, column and byte, never replacement
 * characters that would become new categories. Only a decoded cell holding U+FFFD is checked again,
 * so valid text costs one scan.
 */
final class Utf8Cells {
    private Utf8Cells() {}

    /** The cell {@code b[s..e)} of {@code column} read on {@code line} as text. */
    static String text(Path file, String column, long line, byte[] b, int s, int e) {
        String text = ByteCells.text(b, s, e);
        if (text.indexOf('\uFFFD') >= 0) {
            check(file, column, line, b, s, e);
        }
        return text;
    }

    private static void check(Path file, String column, long line, byte[] b, int s, int e) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, s, e - s);
        try {
            decoder.decode(in);
        } catch (CharacterCodingException malformed) {
            int at = firstInvalid(decoder, b, s, e);
            throw new DataException(String.format(
                    "%s: line %d, column '%s': byte 0x%02X at byte %d of the value is not UTF-8 (the value starts"
                            + " '%s'); Lathe reads CSV files as UTF-8 only: convert the file first, e.g. iconv -f"
                            + " latin1 -t utf-8",
                    file, line, column, b[at] & 0xff, at - s + 1, printable(b, s, at)));
        }
    }

    /** The offset of the first byte of the first malformed sequence. */
    private static int firstInvalid(CharsetDecoder decoder, byte[] b, int s, int e) {
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(b, s, e - s);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(e - s + 1);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        return r.isError() ? in.position() : s;
    }

    private static String printable(byte[] b, int s, int at) {
        return ByteCells.text(b, s, Math.min(at, s + 40));
    }
}
