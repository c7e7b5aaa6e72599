package io.tradeshell.shell.console;

import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.view.Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.shell.Shell;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Drives the interactive console through a JLine virtual terminal: keys go in through a pipe,
 * the screen comes out as text, and JLine's shell runs the console on its own thread, exactly
 * as it does at a real terminal.
 */
final class ConsoleDriver implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Console console;
    private final Shell shell;
    private final Thread thread;
    private volatile Throwable failure;
    private int prompts;

    ConsoleDriver(Path home, ChartRenderer charts) throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        this.terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, in, screen, StandardCharsets.UTF_8);
        terminal.setSize(new org.jline.terminal.Size(160, 50));
        this.console = new Console(new ConsoleSettings(home, true), Output.terminal(terminal), Progress.NONE, charts, terminal);
        this.shell = InteractiveConsole.shell(console, terminal, new ConsoleHighlighter(console.dispatcher()));
        this.thread = new Thread(() -> {
            try {
                shell.run();
            } catch (Throwable t) {
                failure = t;
            }
        }, "console-under-test");
        thread.setDaemon(true);
        thread.start();
        awaitPrompts(1);
    }

    Console console() { return console; }

    LineReader reader() { return shell.reader(); }

    Terminal terminal() { return terminal; }

    /** The values TAB would offer at the end of {@code line} that fit the word being typed: the console's parser splits the line, its completer offers. */
    java.util.List<String> complete(String line) {
        org.jline.reader.ParsedLine parsed = reader().getParser().parse(line, line.length(), org.jline.reader.Parser.ParseContext.COMPLETE);
        java.util.List<org.jline.reader.Candidate> candidates = new java.util.ArrayList<>();
        ((org.jline.reader.impl.LineReaderImpl) reader()).getCompleter().complete(reader(), parsed, candidates);
        String word = parsed.word().substring(0, parsed.wordCursor());
        return candidates.stream().map(org.jline.reader.Candidate::value).filter(v -> v.startsWith(word)).distinct().sorted().toList();
    }

    /** Binds TAB to completion as at a real terminal (JLine's keymap for a dumb terminal only inserts characters). */
    void bindTabToCompletion() {
        reader().getKeyMaps().get(LineReader.MAIN).bind(new Reference(LineReader.COMPLETE_WORD), "\t");
    }

    /** Types a line and Enter, waits for the next prompt, and returns what the console printed in between. */
    String type(String line) throws IOException {
        int before = screenText().length();
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        int expected = prompts + 1 + (int) line.chars().filter(c -> c == '\n').count() * 0;
        awaitPrompts(expected);
        String after = screenText().substring(before);
        return output(after);
    }

    /** Types a line and Enter without waiting: for input that runs until Ctrl-C. */
    void typeNoWait(String line) throws IOException {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until the screen shows {@code text} after position {@code from}. */
    void awaitText(String text) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!screenText().contains(text)) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for '" + text + "'; screen:\n" + screenText());
            pause();
        }
    }

    /** Waits for the next prompt after input sent with {@link #typeNoWait}. */
    String awaitPromptAfter(int from) {
        awaitPrompts(prompts + 1);
        return output(screenText().substring(from));
    }

    String screenText() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private void awaitPrompts(int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (countPrompts() < count) {
            if (failure != null) throw new AssertionError("the console failed", failure);
            if (!thread.isAlive() && countPrompts() < count) throw new AssertionError("the console ended; screen:\n" + screenText());
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for a prompt; screen:\n" + screenText());
            pause();
        }
        prompts = count;
    }

    private int countPrompts() {
        String s = screenText();
        int n = 0;
        for (int i = s.indexOf("> "); i >= 0; i = s.indexOf("> ", i + 1)) {
            if (endsWithPromptName(s, i)) n++;
        }
        return n;
    }

    private static boolean endsWithPromptName(String s, int i) {
        return s.startsWith("tradeshell", i - 10) || s.startsWith("java", i - 4);
    }

    /** The text after the echoed input line, without the trailing prompt. */
    private static String output(String chunk) {
        int nl = chunk.indexOf('\n');
        String body = nl < 0 ? "" : chunk.substring(nl + 1);
        for (String p : new String[] {"tradeshell> ", "java> "}) {
            if (body.endsWith(p)) body = body.substring(0, body.length() - p.length());
        }
        return body.replace("\r", "");
    }

    boolean running() {
        return thread.isAlive();
    }

    void awaitEnd() throws InterruptedException {
        thread.join(WAIT.toMillis());
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        keys.close();
        thread.join(5_000);
        terminal.close();
    }
}
