package io.tradeshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run compiles its script while its data loads; the errors still come one at a time and in the
 * order they did when the two were done one after the other: the data's first, then the script's.
 */
class RunErrorOrderTest {
    @TempDir
    Path dir;

    @Test
    void badDataIsReportedBeforeABadScript() throws Exception {
        Path script = Files.writeString(dir.resolve("broken.groovy"), "buyWhen crossedOver(\n");
        Path data = Files.writeString(dir.resolve("bars.csv"), "time,open,high,low,close,volume\n2024-01-02,1,2,0.5,x,10\n");
        CliTestSupport.Outcome both = CliTestSupport.run("run", script.toString(), "--data", data.toString(), "--out", dir.resolve("o1").toString());
        assertEquals(2, both.exitCode(), both.err());
        assertTrue(both.err().contains("bars.csv"), both.err());
        assertEquals(1, both.err().strip().lines().count(), both.err());

        CliTestSupport.Outcome scriptOnly = CliTestSupport.run("run", script.toString(), "--data", Path.of("..").toAbsolutePath().normalize().resolve("data/aapl_daily_2013.csv").toString(),
                "--out", dir.resolve("o2").toString());
        assertEquals(1, scriptOnly.exitCode(), scriptOnly.err());
        assertTrue(scriptOnly.err().contains("broken.groovy:"), scriptOnly.err());
    }
}
