package io.tradeshell.engine.data;

/**
 * Reads one decimal number from characters without allocating, and remembers how many
 * decimal digits it was written with (ignoring trailing zeros: {@code 800.010000} has 2).
 *
 * <p>Numbers of up to 18 significant digits with a decimal exponent within ±22 are
 * converted with a single exact division or multiplication, which IEEE arithmetic rounds
 * correctly, so the result equals {@link Double#parseDouble}; anything else goes to
 * {@link Double#parseDouble}. One instance per reader; not thread-safe.
 */
final class DecimalReader {
    private static final double[] POW10 = new double[23];
    private static final long EXACT_LIMIT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private double value;
    private int scale;

    /** The number last read. */
    double value() { return value; }

    /** Decimal digits after the point of the number last read, trailing zeros ignored. */
    int scale() { return scale; }

    /** Reads {@code buf[off, off+len)}; false when it is not a number. */
    boolean read(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        if (i == end) return false;
        boolean negative = false;
        char first = buf[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        int intStart = i;
        while (i < end && isDigit(buf[i])) i++;
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < end && buf[i] == '.') {
            fracStart = ++i;
            while (i < end && isDigit(buf[i])) i++;
            fracEnd = i;
        }
        if (intEnd == intStart && fracEnd == fracStart) {
            return readSpecial(buf, intStart, end - intStart, negative);
        }
        int exponent = 0;
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < end && (buf[i] == '-' || buf[i] == '+')) {
                negExp = buf[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < end && isDigit(buf[i])) {
                if (exponent < 100_000) exponent = exponent * 10 + (buf[i] - '0');
                i++;
            }
            if (i == expStart) return false;
            if (negExp) exponent = -exponent;
        }
        if (i != end) return false;

        while (fracEnd > fracStart && buf[fracEnd - 1] == '0') fracEnd--;
        int fracDigits = fracEnd - fracStart;
        // the digits are written times 10^(exponent - fracDigits); whole-number zeros at the
        // end only matter when an exponent moves them behind the point
        int wholeZeros = 0;
        if (fracDigits == 0) {
            while (intEnd - wholeZeros > intStart && buf[intEnd - wholeZeros - 1] == '0') wholeZeros++;
        }
        boolean zero = fracDigits == 0 && wholeZeros == intEnd - intStart;
        scale = zero ? 0 : Math.max(0, fracDigits - exponent - wholeZeros);

        long mantissa = 0;
        int significant = 0;
        for (int k = intStart; k < intEnd; k++) {
            int d = buf[k] - '0';
            if (significant == 0 && d == 0) continue;
            mantissa = mantissa * 10 + d;
            significant++;
        }
        for (int k = fracStart; k < fracEnd; k++) {
            int d = buf[k] - '0';
            if (significant == 0 && d == 0) continue;
            mantissa = mantissa * 10 + d;
            significant++;
        }
        int decimalExponent = exponent - fracDigits;
        if (significant <= 18 && mantissa < EXACT_LIMIT && decimalExponent >= -22 && decimalExponent <= 22) {
            double v = decimalExponent < 0 ? mantissa / POW10[-decimalExponent] : mantissa * POW10[decimalExponent];
            value = negative ? -v : v;
        } else {
            value = Double.parseDouble(new String(buf, off, len));
        }
        return true;
    }

    private boolean readSpecial(char[] buf, int off, int len, boolean negative) {
        if (regionIs(buf, off, len, "NaN")) {
            value = Double.NaN;
        } else if (regionIs(buf, off, len, "Infinity") || regionIs(buf, off, len, "Inf")) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            return false;
        }
        scale = 0;
        return true;
    }

    private static boolean regionIs(char[] buf, int off, int len, String word) {
        if (len != word.length()) return false;
        for (int k = 0; k < len; k++) {
            if (Character.toLowerCase(buf[off + k]) != Character.toLowerCase(word.charAt(k))) return false;
        }
        return true;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
