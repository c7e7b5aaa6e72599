package io.tradeshell.engine.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte writer must make the very text the Jackson writers made before it: the fast double
 * writer {@code equity.jsonl} used and the plain one {@code overlays.jsonl} used, over doubles
 * of every kind (random bit patterns, prices, integers, tiny and huge, the 1e-3 and 1e7 edges
 * where the form switches to E notation, signed zeros, NaN and infinities).
 */
class JsonBytesTest {
    private static final JsonFactory FAST = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final JsonFactory PLAIN = new JsonFactory();

    @Test
    void doublesAreWrittenAsBothJacksonWritersWroteThem() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        double[] values = new double[200_000];
        for (int i = 0; i < values.length; i++) values[i] = generated(r, i);
        assertEquals(jackson(FAST, values), bytes(values, false));
        assertEquals(jackson(PLAIN, values), bytes(values, false));
        assertEquals(jackson(FAST, values), bytes(values, true));
    }

    @Test
    void aLongNameAndTimestampPassThroughWhole() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = "x".repeat(1000) + "é\"";
        char[] time = "2020-01-01T00:00:00Z".toCharArray();
        try (JsonBytes w = new JsonBytes(out, 16)) {
            w.ascii(name.substring(0, 1000)).ascii(time, time.length).utf8("é\"").ascii('}');
        }
        assertEquals("x".repeat(1000) + "2020-01-01T00:00:00Zé\"}", out.toString(StandardCharsets.UTF_8));
    }

    private static double generated(SplittableRandom r, int i) {
        return switch (i % 9) {
            case 0 -> Double.longBitsToDouble(r.nextLong());
            case 1 -> Math.round(r.nextDouble(0, 100_000) * 100) / 100.0;
            case 2 -> r.nextDouble(0, 200) * r.nextDouble(0, 2);
            case 3 -> (double) r.nextLong(-10_000_000_000L, 10_000_000_000L);
            case 4 -> Math.pow(10, r.nextInt(-12, 25)) * (r.nextBoolean() ? 1 : r.nextDouble());
            case 5 -> Math.nextUp(r.nextBoolean() ? 1e-3 : 1e7) * (r.nextBoolean() ? 1 : -1) + (r.nextBoolean() ? 0 : Math.ulp(1e-3) * r.nextInt(-3, 4));
            case 6 -> new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                    Double.MAX_VALUE, Double.MIN_NORMAL, 1e23, 2e-3, 9.999999999999999e6, 1e7, 1e-3}[r.nextInt(13)];
            case 7 -> Double.longBitsToDouble(r.nextLong(0, 1L << 52)); // subnormals
            default -> 100_000 * (1 + r.nextDouble(-0.5, 0.5) / 100);
        };
    }

    /** One line per value: {@code {"v":X}} as a Jackson generator writes it, null for what JSON has no number for. */
    private static String jackson(JsonFactory factory, double[] values) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(w)) {
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
            for (double v : values) {
                g.writeStartObject();
                Json.number(g, "v", v);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        return w.toString();
    }

    private static String bytes(double[] values, boolean remembered) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonBytes.Last last = new JsonBytes.Last();
        try (JsonBytes w = new JsonBytes(out, 1000)) {
            for (int i = 0; i < values.length; i++) {
                w.ascii("{\"v\":");
                // the remembered path sees each value twice in a row, so both its branches run
                if (remembered) w.number(values[i], last).ascii("}\n{\"v\":").number(values[i], last);
                else w.number(values[i]);
                w.ascii("}\n");
            }
        }
        String s = out.toString(StandardCharsets.US_ASCII);
        return remembered ? dropEveryOtherLine(s) : s;
    }

    private static String dropEveryOtherLine(String s) {
        StringBuilder b = new StringBuilder();
        String[] lines = s.split("\n");
        for (int i = 0; i < lines.length; i += 2) b.append(lines[i]).append('\n');
        return b.toString();
    }
}
