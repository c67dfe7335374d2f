package dev.lathe.evaluation.report.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgPartsTest {
    private static final double TOL = 1e-9;

    @Test
    void escapesMarkupCharactersAndDropsControlCharacters() {
        assertEquals(
                "&lt;a href=&quot;x&quot;&gt;O&#39;Hare &amp; JFK&lt;/a&gt;",
                Markup.escape("<a href=\"x\">O'Hare & JFK</a>"));
        assertEquals("ab", Markup.escape("a\u0000\u001bb"));
        assertEquals("", Markup.escape(null));
    }

    @Test
    void niceScaleCoversTheRangeWithRoundTicks() {
        NiceScale s = new NiceScale(1.3, 58.7, 6);
        assertEquals(10.0, s.step(), TOL);
        assertEquals(0.0, s.min(), TOL);
        assertEquals(60.0, s.max(), TOL);
        assertEquals(List.of(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0), s.ticks());
        assertEquals("20", s.label(20));
        NiceScale frac = new NiceScale(0, 1.3, 6);
        assertEquals(0.25, frac.step(), TOL);
        assertEquals("0.75", frac.label(0.75));
        NiceScale big = new NiceScale(0, 18_000, 5);
        assertEquals("5k", big.label(5000));
        NiceScale flat = new NiceScale(3, 3, 6);
        assertTrue(flat.min() < 3 && flat.max() > 3);
    }

    @Test
    void compactAndPValueFormatting() {
        assertEquals("812", Markup.compact(812.4));
        assertEquals("96.5", Markup.compact(96.4824));
        assertEquals("5.26", Markup.compact(5.2588));
        assertEquals("< 1e-16", Markup.pValue(0.0));
        assertEquals("0.03", Markup.pValue(0.03));
    }
}
