package dev.lathe.tracking.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every string written by {@link YamlScalars} reads back unchanged with a YAML 1.1 reader, multi-line
 * strings included (the old writer single-quoted them without doubling the breaks, so a newline came
 * back as a space, as YAML folds a single line break in a quoted scalar).
 */
class YamlScalarsTest {
    private static final List<String> TRICKY = List.of(
            "line one\nline two",
            "a\n\nb",
            "\nleading break",
            "trailing break\n",
            "space before break \nnext",
            "break then space\n next",
            "tab\there",
            "carriage\r\nreturn",
            "it's 'quoted'\nand more",
            "0",
            "1e-05",
            "true",
            "null",
            "",
            " leading space",
            "key: value",
            "# not a comment",
            "café ☕ \u2028 separator",
            "control \u0001 \u007f \u0085 \u00a0 \ufeff");

    @Test
    void trickyStringsReadBackUnchangedAtTopLevelAndNested() {
        for (String s : TRICKY) {
            assertRoundTrip(s);
        }
    }

    @Test
    void multiLineStringIsSingleQuotedWithDoubledBreaksAsPyYamlWritesIt() {
        // PyYAML's Emitter.write_single_quoted (yaml/emitter.py): the first '\n' of a run of breaks is
        // written once more, then the breaks, then the indent; safe_dump({'d': 'a\nb'}) == "d: 'a\n\n  b'\n".
        assertEquals("'a\n\n  b'", YamlScalars.string("a\nb"));
        // A space next to a break cannot survive folding: PyYAML switches to double quotes with escapes.
        assertEquals("\"a \\nb\"", YamlScalars.string("a \nb"));
    }

    @Test
    void randomStringsReadBackUnchanged() {
        Random random = new Random(20261130L);
        String alphabet = "ab '\"\n\t\r:#-{}[]\\é\u0085\u2028 0.5";
        for (int n = 0; n < 5000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertRoundTrip(b.toString());
        }
    }

    private static void assertRoundTrip(String s) {
        Map<String, Object> top = MetaYaml.parse("key: " + YamlScalars.string(s) + "\nafter: 1\n");
        assertEquals(s, top.get("key"), () -> "top level: " + YamlScalars.string(s));
        assertEquals(1, top.get("after"));
        Map<String, Object> nested = MetaYaml.parse("tags:\n  k: " + YamlScalars.string(s, 4) + "\n  z: 2\nafter: 1\n");
        assertEquals(Map.of("k", s, "z", 2), nested.get("tags"), () -> "nested: " + YamlScalars.string(s, 4));
    }
}
