package io.tradeshell.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the headless commands in-process and captures what they print. */
final class CliTestSupport {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Outcome(int exitCode, String out, String err) { }

    static Outcome run(String... args) {
        System.setProperty("tradeshell.home", ROOT.toString());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    static String path(String relative) {
        return ROOT.resolve(relative).toString();
    }

    private CliTestSupport() { }
}
