package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every user mistake: one line naming the file and line (or the script line), the right exit code, no stack trace. */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unparsable number | 2013-01-03,abc,2,0.5,1.5,100 | bad.csv:3: cannot read open 'abc' as a number",
            "high below low | 2013-01-03,1,0.4,0.5,0.45,100 | bad.csv:3: high 0.4 is below low 0.5",
            "duplicate time | 2013-01-02,1,2,0.5,1.5,100 | bad.csv:3: duplicate date 2013-01-02T00:00:00Z, already on line 2",
            "out of order | 2013-01-01,1,2,0.5,1.5,100 | bad.csv:3: date 2013-01-01T00:00:00Z is before 2013-01-02T00:00:00Z on line 2",
            "non-positive price | 2013-01-03,1,2,-0.5,1.5,100 | bad.csv:3:",
    })
    void badDataRowsFailWithFileAndLineAndExitCode2(String name, String row, String expected, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "date,open,high,low,close,volume\n2013-01-02,1,2,0.5,1.5,100\n" + row + "\n");
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", csv.toString(), "--out", dir.resolve("o").toString(), "--no-charts");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + csv.getParent().resolve(expected.split(":")[0])).contains(expected.substring(expected.indexOf(':')));
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingColumnAndEmptyFileNameTheFile(@TempDir Path dir) throws Exception {
        Path noClose = dir.resolve("noclose.csv");
        Files.writeString(noClose, "date,open,high,low,volume\n2013-01-02,1,2,0.5,100\n");
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", noClose.toString(), "--no-charts", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("noclose.csv:1:").contains("close");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        r = run("run", path("strategies/sma_crossover.groovy"), "--data", empty.toString(), "--no-charts", "--out", dir.resolve("o2").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("empty.csv");
    }

    @Test
    void lenientSkipsBadRowsAndSaysWhich(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("some-bad.csv");
        StringBuilder b = new StringBuilder("date,open,high,low,close,volume\n");
        java.time.LocalDate d = java.time.LocalDate.of(2013, 1, 1);
        for (int i = 0; i < 60; i++) {
            d = d.plusDays(1);
            double p = 100 + Math.sin(i / 5.0) * 10;
            String row = i == 10 ? d + ",x,1,1,1,1" : "%s,%.2f,%.2f,%.2f,%.2f,1000".formatted(d, p, p + 1, p - 1, p);
            b.append(row).append('\n');
        }
        Files.writeString(csv, b.toString());
        var strict = run("run", path("strategies/sma_crossover.groovy"), "--data", csv.toString(), "--no-charts", "--out", dir.resolve("a").toString());
        assertThat(strict.exitCode()).isEqualTo(2);
        var lenient = run("run", path("strategies/sma_crossover.groovy"), "--data", csv.toString(), "--lenient", "--no-charts", "--out", dir.resolve("b").toString());
        assertThat(lenient.exitCode()).as(lenient.err()).isEqualTo(0);
        assertThat(lenient.err()).contains("skipped 1 bad row(s)").contains("line(s) 12");
        assertThat(Files.readAllLines(dir.resolve("b/equity.jsonl"))).hasSize(59);
    }

    @Test
    void scriptErrorsNameTheScriptLineAndExitWith1(@TempDir Path dir) throws Exception {
        Path typo = dir.resolve("typo.groovy");
        Files.writeString(typo, "title 'x'\nparams fast: 10\ndef f = smaa(close, fast)\nbuyWhen crossedOver(f, close)\n");
        var r = run("run", typo.toString(), "--no-charts", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: typo.groovy:3: unknown function 'smaa' (did you mean 'sma'?)");

        Path syntax = dir.resolve("syntax.groovy");
        Files.writeString(syntax, "title 'x'\ndef f = sma(close, 10\n");
        r = run("run", syntax.toString(), "--no-charts", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: syntax.groovy:2");

        Path runtime = dir.resolve("runtime.groovy");
        Files.writeString(runtime, "title 'x'\nbuyWhen over(close, 0), qty: 1\nonBar {\n  if (index == 7) {\n    throw new IllegalStateException('boom')\n  }\n}\n");
        r = run("run", runtime.toString(), "--no-charts", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: runtime.groovy:5: boom (at bar 2013-01-11T00:00:00Z of AAPL)");
    }

    @Test
    void unknownOrMistypedParamsAreNamed() {
        var unknown = run("run", path("strategies/sma_crossover.groovy"), "--param", "fats=3", "--no-charts");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("error: sma_crossover.groovy: unknown param 'fats' (sma_crossover.groovy has: fast, slow, qty, percent)");
        var typed = run("run", path("strategies/sma_crossover.groovy"), "--param", "fast=abc", "--no-charts");
        assertThat(typed.exitCode()).isEqualTo(2);
        assertThat(typed.err().strip()).isEqualTo("error: sma_crossover.groovy: param 'fast' expects a whole number, got 'abc'");
    }

    @Test
    void badOptionsAreUsageErrors() {
        var fill = run("run", path("strategies/sma_crossover.groovy"), "--fill", "sometime", "--no-charts");
        assertThat(fill.exitCode()).isEqualTo(2);
        assertThat(fill.err()).contains("unknown fill timing 'sometime'");
        var commission = run("run", path("strategies/sma_crossover.groovy"), "--commission", "lots", "--no-charts");
        assertThat(commission.exitCode()).isEqualTo(2);
        assertThat(commission.err()).contains("cannot read commission 'lots'");
        var missing = run("run", path("strategies/nope.groovy"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such script file");
    }

    @Test
    void aParamValueTheScriptRefusesIsBadInputNamingTheParamAndTheLine(@TempDir Path dir) {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--param", "fast=-5", "--no-charts", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: sma_crossover.groovy: --param fast=-5 is refused: sma needs a whole number of bars >= 1, got -5 (line 6)");
        // the same refusal without an override is the script's own mistake
        Path script = dir.resolve("own.groovy");
        writeQuietly(script, "params fast: -5\nbuyWhen over(close, sma(close, fast))\n");
        var own = run("run", script.toString(), "--no-charts", "--out", dir.resolve("o2").toString());
        assertThat(own.exitCode()).isEqualTo(1);
        assertThat(own.err()).contains("own.groovy:2:");
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
