package io.tradeshell.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.report.chart.Overlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * overlays.jsonl is written value by value; its text is what a JSON tree of each line would print
 * (the way it was written before), and it reads back to the same values, NaN as null.
 */
class OverlayFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void streamedLinesAreTheTreeTextForGeneratedOverlays() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 30; round++) {
            List<Overlay> overlays = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                double[] v = new double[random.nextInt(200)];
                for (int i = 0; i < v.length; i++) v[i] = value(random);
                overlays.add(new Overlay(name(random), v));
            }
            OverlayFile.write(dir, overlays);

            StringBuilder expected = new StringBuilder();
            for (Overlay o : overlays) {
                ObjectNode line = JSON.createObjectNode().put("name", o.name());
                ArrayNode values = line.putArray("values");
                for (double v : o.values()) {
                    if (Double.isFinite(v)) values.add(v);
                    else values.addNull();
                }
                expected.append(JSON.writeValueAsString(line)).append(System.lineSeparator());
            }
            assertThat(Files.readString(dir.resolve(OverlayFile.NAME))).isEqualTo(expected.toString());

            List<Overlay> back = OverlayFile.read(dir);
            assertThat(back).hasSameSizeAs(overlays);
            for (int i = 0; i < back.size(); i++) {
                assertThat(back.get(i).name()).isEqualTo(overlays.get(i).name());
                double[] want = overlays.get(i).values().clone();
                for (int j = 0; j < want.length; j++) if (!Double.isFinite(want[j])) want[j] = Double.NaN;
                assertThat(back.get(i).values()).containsExactly(want);
            }
        }
    }

    private static double value(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> r.nextLong(-1_000_000, 1_000_000);
            case 3 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
            case 4 -> r.nextDouble() * 1e-12;
            default -> 100 + r.nextGaussian() * 10;
        };
    }

    private static String name(SplittableRandom r) {
        String[] parts = {"SMA(close, 10)", "\"quoted\"", "back\\slash", "tab\there", "ünïcode €", "line\nbreak", "EMA"};
        return parts[r.nextInt(parts.length)] + r.nextInt(100);
    }
}
