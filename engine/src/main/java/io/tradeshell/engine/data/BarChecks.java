package io.tradeshell.engine.data;

/** The rules every bar must satisfy, with messages that use the file's own field names. */
final class BarChecks {
    private final String open, high, low, close, volume;

    BarChecks(String open, String high, String low, String close, String volume) {
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /** The first thing wrong with this bar, or null when it is sound. */
    String problem(double o, double h, double l, double c, double v) {
        String p;
        if ((p = price(open, o)) != null || (p = price(high, h)) != null
                || (p = price(low, l)) != null || (p = price(close, c)) != null
                || (p = amount(volume, v)) != null) {
            return p;
        }
        if (h < l) return high + " " + h + " is below " + low + " " + l;
        if (o > h) return open + " " + o + " is above " + high + " " + h;
        if (o < l) return open + " " + o + " is below " + low + " " + l;
        if (c > h) return close + " " + c + " is above " + high + " " + h;
        if (c < l) return close + " " + c + " is below " + low + " " + l;
        return null;
    }

    /** Null when {@code value} is a usable price: finite and above zero. */
    static String price(String name, double value) {
        if (!Double.isFinite(value)) return name + " " + value + " is not a finite number";
        if (!(value > 0)) return name + " " + value + " is not positive";
        return null;
    }

    /** Null when {@code value} is a usable volume or trade amount: finite and not negative. */
    static String amount(String name, double value) {
        if (!Double.isFinite(value)) return name + " " + value + " is not a finite number";
        if (value < 0) return name + " " + value + " is negative";
        return null;
    }
}
