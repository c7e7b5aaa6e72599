package io.tradeshell.shell.notebook;

import io.tradeshell.shell.console.session.Language;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a notebook file and writes its report, saying how each cell went: what the
 * {@code notebook} command and the console's {@code notebook} both do.
 */
public final class NotebookJob {
    /** A finished run and where its report went. */
    public record Outcome(NotebookRun run, Path html, Path markdown) { }

    private final Path home;
    private volatile NotebookRunner runner;

    /** @param home the console folder for the notebook's session */
    public NotebookJob(Path home) {
        this.home = home;
    }

    /** Where a notebook's report goes unless told: {@code out/NAME/} beside the notebook. */
    public static Path defaultOut(Path notebook) {
        Path parent = notebook.toAbsolutePath().getParent();
        String name = notebook.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
        return parent.resolve("out").resolve(name);
    }

    /**
     * Reads, runs and reports the notebook; {@code say} gets a line per cell as it finishes and
     * the report's files at the end.
     *
     * @param stop polled between statements: true ends the run early
     */
    public Outcome run(Path file, Path out, boolean keepGoing, BooleanSupplier stop, Consumer<String> say) {
        Notebook nb = NotebookParser.read(file);
        Path images = out.resolve("images");
        clearImages(images);
        say.accept(ProjectHome.display(file) + ": " + nb.cells().size() + (nb.cells().size() == 1 ? " cell" : " cells"));
        runner = new NotebookRunner(home);
        NotebookRun run = runner.run(nb, images, keepGoing, stop, new NotebookRunner.Listener() {
            @Override
            public void finished(CellResult r) {
                say.accept(line(r));
            }
        });
        if (run.skipped() > 0) say.accept("  " + run.skipped() + (run.skipped() == 1 ? " cell" : " cells") + " not run");
        Path html = out.resolve(nb.name() + ".html"), md = out.resolve(nb.name() + ".md");
        write(html, HtmlNotebook.page(run, out));
        write(md, MarkdownNotebook.text(run, out));
        say.accept(String.format(Locale.ROOT, "  %.1f s", run.nanos() / 1e9));
        say.accept("  report   " + ProjectHome.display(html));
        say.accept("  markdown " + ProjectHome.display(md));
        return new Outcome(run, html, md);
    }

    /** Stops the statement of the notebook running now (Ctrl-C in the console). */
    public void interrupt() {
        NotebookRunner r = runner;
        if (r != null) r.interrupt();
    }

    /** {@code notebooks/x.md:57: cell 3 failed: unknown name 'foo'}: the first failure, for an error line. */
    public static String failureLine(NotebookRun run) {
        CellResult r = run.failures().get(0);
        CellResult.Failure f = r.failure().orElseThrow();
        return ProjectHome.display(run.notebook().file()) + ":" + f.line() + ": cell " + r.cell().number() + " failed: " + f.message();
    }

    private static String line(CellResult r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  cell %-3d %-6s %6.2f s", r.cell().number(),
                r.cell().language() == Language.JAVA ? "java" : "groovy", r.nanos() / 1e9));
        r.failure().ifPresent(f -> b.append("  failed at line ").append(f.line()).append(": ").append(f.message()));
        long images = r.images();
        if (images > 0) b.append("  ").append(images).append(images == 1 ? " chart" : " charts");
        return b.toString();
    }

    /** The charts of the last run go: a chart the notebook no longer draws should not linger beside the new ones. */
    private static void clearImages(Path images) {
        if (!Files.isDirectory(images)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(images, "cell*.png")) {
            for (Path f : files) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + images + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
