package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.app.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A slow live run in its own JVM, its output going to a file as through a pipe, stopped by Ctrl-C's signal. */
@Tag("e2e")
@Timeout(300)
class LiveInterruptTest {
    @Test
    void ctrlCOnAPipedLiveRunPrintsThatItStartedThenItsSummaryAndCharts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt"), run = dir.resolve("run");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Dtradeshell.home=" + CliTestSupport.ROOT, "-cp", System.getProperty("java.class.path"),
                "io.tradeshell.shell.Main", "run", path("strategies/sma_crossover.groovy"), "--mode", "live", "--speed", "10x",
                "--out", run.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        while (!Files.exists(run.resolve("equity.jsonl")) || Files.size(run.resolve("equity.jsonl")) == 0) {
            assertThat(p.isAlive()).as("the run ended early:%n%s", Files.readString(out)).isTrue();
            Thread.sleep(50);
        }
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String printed = Files.readString(out);
        assertThat(p.exitValue()).as(printed).isEqualTo(ExitCode.INTERRUPTED);
        List<String> lines = printed.lines().toList();
        assertThat(lines.getFirst()).startsWith("live  SMA crossover at 10x:").contains("Ctrl-C stops");
        assertThat(printed).doesNotContain("error", "Shutdown in progress").contains("(stopped early)", "  outputs  ");
        assertThat(lines).filteredOn(l -> l.startsWith("  chart    ")).hasSize(3);
        assertThat(run.resolve("summary.json")).exists();
    }
}
