package dev.lathe.core.recipe;

import java.util.Arrays;

/**
 * Numbers the distinct {@code long} keys it is given 0, 1, 2, ... in order of first appearance, without
 * boxing: an open-addressing table, so that a column of millions of numbers or code pairs is
 * dictionary-encoded at the cost of one probe a row.
 */
final class LongCodes {
    private long[] slots = new long[64];
    private int[] codes = new int[64];
    private long[] keys = new long[16];
    private int size;

    /** The code of {@code key}, a new one if it was not seen before. */
    int codeOf(long key) {
        int mask = slots.length - 1;
        int i = mix(key) & mask;
        while (codes[i] != 0) {
            if (slots[i] == key) {
                return codes[i] - 1;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        codes[i] = size + 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = key;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    int size() {
        return size;
    }

    /** The key of {@code code}. */
    long key(int code) {
        return keys[code];
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldCodes = codes;
        slots = new long[oldSlots.length * 2];
        codes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldCodes[j] != 0) {
                int i = mix(oldSlots[j]) & mask;
                while (codes[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                codes[i] = oldCodes[j];
            }
        }
    }

    /**
     * MurmurHash3's 64-bit finaliser: every key bit reaches the low bits the table indexes by (doubles'
     * bits, whose low bits are zero for whole numbers, would otherwise all probe one run of slots).
     */
    private static int mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
