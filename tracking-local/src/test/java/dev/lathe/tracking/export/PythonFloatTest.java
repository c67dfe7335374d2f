package dev.lathe.tracking.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3 prints for str(float(x)). */
class PythonFloatTest {
    @Test
    void matchesPythonStr() {
        assertEquals("0.5", PythonFloat.repr(0.5));
        assertEquals("1.0", PythonFloat.repr(1.0));
        assertEquals("-3.0", PythonFloat.repr(-3.0));
        assertEquals("0.0001", PythonFloat.repr(1e-4));
        assertEquals("1e-05", PythonFloat.repr(1e-5));
        assertEquals("1.5e-07", PythonFloat.repr(1.5e-7));
        assertEquals("1000000000000000.0", PythonFloat.repr(1e15));
        assertEquals("1e+16", PythonFloat.repr(1e16));
        assertEquals("1.2345e+20", PythonFloat.repr(1.2345e20));
        assertEquals("1.7976931348623157e+308", PythonFloat.repr(Double.MAX_VALUE));
        assertEquals("5e-324", PythonFloat.repr(Double.MIN_VALUE));
        assertEquals("0.1", PythonFloat.repr(0.1));
        assertEquals("6.123456789", PythonFloat.repr(6.123456789));
        assertEquals("nan", PythonFloat.repr(Double.NaN));
        assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("0.0", PythonFloat.repr(0.0));
        assertEquals("-0.0", PythonFloat.repr(-0.0));
    }

    @Test
    void yamlScalarsQuoteLikePyYaml() {
        assertEquals("'0'", YamlScalars.string("0"));
        assertEquals("''", YamlScalars.string(""));
        assertEquals("taxi", YamlScalars.string("taxi"));
        assertEquals("file:///tmp/mlruns/0", YamlScalars.string("file:///tmp/mlruns/0"));
        assertEquals("'true'", YamlScalars.string("true"));
        assertEquals("'1.5'", YamlScalars.string("1.5"));
        assertEquals("'a: b'", YamlScalars.string("a: b"));
        assertEquals("'''it''s'", YamlScalars.string("'it's"));
        assertEquals("it's", YamlScalars.string("it's"));
        assertEquals("null", YamlScalars.string(null));
        assertEquals("bemused-goat-123", YamlScalars.string("bemused-goat-123"));
    }
}
