package dev.lathe.trainers.boosted;

import dev.lathe.core.DataException;
import dev.lathe.core.model.PayloadInput;

/**
 * Reads a booster block as one well-formed UBJSON value before XGBoost's native reader sees it:
 * every marker known, every length and count non-negative and within the bytes that remain, nesting
 * bounded, nothing after the value. XGBoost 3.4's UBJSON reader trusts counts and crashes the JVM
 * (SIGSEGV in {@code UBJReader::ParseArray}) on a block whose counts overrun it; a crafted file must
 * fail with a Lathe error instead.
 */
final class UbjsonCheck {
    /** XGBoost's model JSON nests about six levels; far deeper is a crafted block (and a stack risk). */
    private static final int MAX_DEPTH = 64;

    private final byte[] b;
    private final PayloadInput in;
    private final String field;
    private int pos;

    private UbjsonCheck(byte[] bytes, PayloadInput in, String field) {
        this.b = bytes;
        this.in = in;
        this.field = field;
    }

    /**
     * The one UBJSON value {@code bytes} holds (objects as maps, arrays as lists, integers as longs,
     * reals as doubles, typed numeric arrays unboxed as {@link Longs} or {@link Doubles}, strings as
     * strings, booleans, null as {@link #NULL}); anything malformed is a
     * {@link DataException} naming {@code field} of {@code in}.
     */
    static Object read(byte[] bytes, PayloadInput in, String field) {
        UbjsonCheck c = new UbjsonCheck(bytes, in, field);
        Object v = c.value(c.marker(), 0);
        if (c.pos != bytes.length) {
            throw c.bad("has " + (bytes.length - c.pos) + " bytes after its UBJSON value");
        }
        return v;
    }

    /**
     * A typed array of integers (XGBoost's per-node arrays), held unboxed in the width UBJSON stored them
     * (int32 as ints): a large booster's millions of cells read in a fraction of the time and memory of a
     * list of Longs; elements read as Longs.
     */
    static final class Longs extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final long[] values;
        private final int[] ints;

        Longs(long[] values) {
            this.values = values;
            this.ints = null;
        }

        Longs(int[] ints) {
            this.values = null;
            this.ints = ints;
        }

        long at(int i) {
            return ints != null ? ints[i] : values[i];
        }

        /** Element {@code i} of a list of integers (Longs, or boxed Longs), without boxing when unboxed. */
        static long of(java.util.List<?> list, int i) {
            return list instanceof Longs l ? l.at(i) : ((Number) list.get(i)).longValue();
        }

        @Override
        public Object get(int i) {
            return at(i);
        }

        @Override
        public int size() {
            return ints != null ? ints.length : values.length;
        }
    }

    /** A typed array of reals, held unboxed in the width UBJSON stored them; elements read as Doubles. */
    static final class Doubles extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final double[] values;
        private final float[] floats;

        Doubles(double[] values) {
            this.values = values;
            this.floats = null;
        }

        Doubles(float[] floats) {
            this.values = null;
            this.floats = floats;
        }

        double at(int i) {
            return floats != null ? floats[i] : values[i];
        }

        /** Element {@code i} of a list of numbers, without boxing when unboxed. */
        static double of(java.util.List<?> list, int i) {
            return list instanceof Doubles d ? d.at(i) : ((Number) list.get(i)).doubleValue();
        }

        @Override
        public Object get(int i) {
            return at(i);
        }

        @Override
        public int size() {
            return floats != null ? floats.length : values.length;
        }
    }

    /** The UBJSON null (and no-op) value. */
    static final Object NULL = new Object();

    private Object value(int marker, int depth) {
        return switch (marker) {
            case 'Z', 'N' -> NULL;
            case 'T' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'i', 'U', 'I', 'l', 'L' -> integer(marker);
            case 'C' -> String.valueOf((char) next(1));
            case 'd', 'D' -> real(marker);
            case 'S', 'H' -> string();
            case '[' -> container(depth, false);
            case '{' -> container(depth, true);
            default -> throw bad(
                    "has an unknown UBJSON marker 0x" + Integer.toHexString(marker) + " at byte " + (pos - 1));
        };
    }

    private long integer(int marker) {
        return switch (marker) {
            case 'i' -> (byte) next(1);
            case 'U' -> next(1);
            case 'I' -> (short) next(2);
            case 'l' -> (int) next(4);
            default -> next(8);
        };
    }

    private double real(int marker) {
        return marker == 'd' ? Float.intBitsToFloat((int) next(4)) : Double.longBitsToDouble(next(8));
    }

    private String string() {
        int n = (int) length();
        need(n);
        String s = new String(b, pos, n, java.nio.charset.StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private Object container(int depth, boolean object) {
        if (depth >= MAX_DEPTH) {
            throw bad("nests UBJSON containers more than " + MAX_DEPTH + " deep");
        }
        int type = -1;
        if (peek() == '$') {
            pos++;
            type = marker();
            if (peek() != '#') {
                throw bad("has a typed UBJSON container without a count at byte " + pos);
            }
        }
        if (peek() == '#') {
            pos++;
            long count = length();
            // Each element takes at least one byte (a marker, or the payload of a typed element).
            long least = type < 0 ? 1 : Math.max(1, fixedSize(type));
            if (count * (least + (object ? 1 : 0)) > b.length - pos) {
                throw bad("declares " + count + " UBJSON elements at byte " + pos + ", but only " + (b.length - pos)
                        + " bytes remain");
            }
            if (!object && type == 'l') { // XGBoost's node arrays: read in bulk, big-endian as UBJSON stores them
                int[] ints = new int[(int) count];
                need(4L * ints.length);
                java.nio.ByteBuffer.wrap(b, pos, 4 * ints.length).asIntBuffer().get(ints);
                pos += 4 * ints.length;
                return new Longs(ints);
            }
            if (!object && (type == 'i' || type == 'U' || type == 'I' || type == 'L')) {
                long[] values = new long[(int) count];
                for (int k = 0; k < values.length; k++) {
                    values[k] = integer(type);
                }
                return new Longs(values);
            }
            if (!object && type == 'd') { // XGBoost's split conditions, weights, gains: read in bulk
                float[] floats = new float[(int) count];
                need(4L * floats.length);
                java.nio.ByteBuffer.wrap(b, pos, 4 * floats.length)
                        .asFloatBuffer()
                        .get(floats);
                pos += 4 * floats.length;
                return new Doubles(floats);
            }
            if (!object && type == 'D') {
                double[] values = new double[(int) count];
                for (int k = 0; k < values.length; k++) {
                    values[k] = real(type);
                }
                return new Doubles(values);
            }
            java.util.Map<String, Object> map = object ? new java.util.LinkedHashMap<>() : null;
            java.util.List<Object> list = object ? null : new java.util.ArrayList<>((int) count);
            for (long k = 0; k < count; k++) {
                String key = object ? string() : null;
                Object v = value(type < 0 ? marker() : type, depth + 1);
                if (object) {
                    map.put(key, v);
                } else {
                    list.add(v);
                }
            }
            return object ? map : list;
        }
        int end = object ? '}' : ']';
        java.util.Map<String, Object> map = object ? new java.util.LinkedHashMap<>() : null;
        java.util.List<Object> list = object ? null : new java.util.ArrayList<>();
        while (peek() != end) {
            String key = object ? string() : null;
            Object v = value(marker(), depth + 1);
            if (object) {
                map.put(key, v);
            } else {
                list.add(v);
            }
        }
        pos++;
        return object ? map : list;
    }

    private static int fixedSize(int type) {
        return switch (type) {
            case 'i', 'U', 'C' -> 1;
            case 'I' -> 2;
            case 'l', 'd' -> 4;
            case 'L', 'D' -> 8;
            default -> 1;
        };
    }

    /** A length or count: an integer value, non-negative. */
    private long length() {
        int marker = marker();
        long n =
                switch (marker) {
                    case 'i' -> (byte) next(1);
                    case 'U' -> next(1);
                    case 'I' -> (short) next(2);
                    case 'l' -> (int) next(4);
                    case 'L' -> next(8);
                    default -> throw bad("has a length with non-integer marker 0x" + Integer.toHexString(marker)
                            + " at byte " + (pos - 1));
                };
        if (n < 0 || n > b.length - pos) {
            throw bad("has a length of " + n + " at byte " + pos + ", but only " + (b.length - pos) + " bytes remain");
        }
        return n;
    }

    private long next(int bytes) {
        need(bytes);
        long v = 0;
        for (int k = 0; k < bytes; k++) {
            v = (v << 8) | (b[pos++] & 0xFF);
        }
        return v;
    }

    private int marker() {
        need(1);
        return b[pos++] & 0xFF;
    }

    private int peek() {
        need(1);
        return b[pos] & 0xFF;
    }

    private void need(long n) {
        if (n > b.length - pos) {
            throw bad("is truncated at byte " + pos + " (needs " + n + " more bytes)");
        }
    }

    private DataException bad(String detail) {
        return in.error(field, detail);
    }
}
