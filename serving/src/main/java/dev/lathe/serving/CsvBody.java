package dev.lathe.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lathe.core.DataException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV request body (RFC 4180: a header row, commas, double quotes around fields that hold commas,
 * quotes or line breaks), UTF-8 only, as cells: an empty field is missing, a field that reads as a whole
 * number or a number is one, anything else is text.
 */
final class CsvBody {
    private final String text;
    private int pos;
    private int line = 1;

    private CsvBody(String text) {
        this.text = text;
    }

    static ScoringColumns parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataException("invalid input: the CSV body is not UTF-8: " + e.getMessage(), e);
        }
        return new CsvBody(text).columns();
    }

    private ScoringColumns columns() {
        List<String> header = record();
        if (header == null) {
            throw new DataException("invalid input: the CSV body is empty (it needs a header row)");
        }
        ScoringColumns out = new ScoringColumns();
        int headerLine = 1;
        for (int start = line; ; start = line) {
            List<String> fields = record();
            if (fields == null) {
                return out;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (fields.size() != header.size()) {
                throw new DataException("invalid input: CSV line " + start + " has " + fields.size()
                        + " fields, the header (line " + headerLine + ") has " + header.size());
            }
            out.nextRow();
            for (int c = 0; c < fields.size(); c++) {
                out.set(header.get(c), cell(fields.get(c)));
            }
        }
    }

    /** The next record's fields, or null at the end. */
    private List<String> record() {
        if (pos >= text.length()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int quoteLine = line;
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (quoted) {
                if (ch == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                break;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new DataException("invalid input: CSV line " + quoteLine + " opens a quote that never closes");
        }
        fields.add(field.toString());
        return fields;
    }

    private static JsonNode cell(String field) {
        if (field.isEmpty()) {
            return NullNode.instance;
        }
        try {
            return LongNode.valueOf(Long.parseLong(field));
        } catch (NumberFormatException notWhole) {
            if (!decimal(field)) {
                return TextNode.valueOf(field);
            }
            try {
                return DoubleNode.valueOf(Double.parseDouble(field));
            } catch (NumberFormatException notNumber) {
                return TextNode.valueOf(field);
            }
        }
    }

    /** Digits, signs, a point and an exponent only (Java's parser also takes NaN, hex and type suffixes). */
    private static boolean decimal(String field) {
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (!(Character.isDigit(ch) || ch == '-' || ch == '+' || ch == '.' || ch == 'e' || ch == 'E')) {
                return false;
            }
        }
        return true;
    }
}
