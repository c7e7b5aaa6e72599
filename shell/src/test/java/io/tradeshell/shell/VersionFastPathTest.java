package io.tradeshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --version} is answered before the command tree is built: it must print what picocli prints. */
class VersionFastPathTest {
    @Test
    void theShortcutPrintsExactlyWhatTheFullCommandLinePrints() {
        for (String flag : new String[] {"--version", "-V"}) {
            CliTestSupport.Outcome full = CliTestSupport.run(flag);
            StringWriter fast = new StringWriter();
            Main.printVersion(new PrintWriter(fast, true));
            assertEquals(0, full.exitCode());
            assertEquals(full.out(), fast.toString(), flag);
            assertTrue(Main.asksForVersionOnly(new String[] {flag}));
        }
    }

    @Test
    void theLauncherAnswersWithTheSameLine() throws Exception {
        Path launcher = Path.of("..").toAbsolutePath().normalize().resolve("tradeshell");
        CliTestSupport.Outcome full = CliTestSupport.run("--version");
        for (String flag : new String[] {"--version", "-V"}) {
            Process p = new ProcessBuilder("bash", launcher.toString(), flag).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(full.out().strip(), out.strip(), flag);
        }
    }

    @Test
    void onlyTheFlagAloneTakesTheShortcut() {
        assertFalse(Main.asksForVersionOnly(new String[] {"run", "--version"}));
        assertFalse(Main.asksForVersionOnly(new String[] {"--version", "extra"}));
        assertFalse(Main.asksForVersionOnly(new String[] {}));
        assertFalse(Main.asksForVersionOnly(new String[] {"--help"}));
    }
}
