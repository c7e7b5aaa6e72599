package io.tradeshell.shell.notebook;

import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.shell.present.Line;
import io.tradeshell.shell.present.TableBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as Markdown: the notebook's own text, line for line, with each cell's output
 * written under its closing fence: printed text in a {@code text} block, tables as Markdown
 * tables, charts as images.
 */
final class MarkdownNotebook {

    private MarkdownNotebook() { }

    /** @param dir the folder the copy is written to, which image paths are made relative to */
    static String text(NotebookRun run, Path dir) {
        Notebook nb = run.notebook();
        List<String> lines = nb.lines();
        StringBuilder md = new StringBuilder(lines.size() * 60 + 4096);
        int next = 0;
        for (Notebook.Cell c : nb.cells()) {
            int upTo = Math.min(c.lastLine(), lines.size());
            for (; next < upTo; next++) md.append(lines.get(next)).append('\n');
            output(md, c, run.result(c), dir);
        }
        for (; next < lines.size(); next++) md.append(lines.get(next)).append('\n');
        md.append("\n---\n\n_Run with TradeShell on ").append(IsoTime.minute(run.finishedAtMillis()))
                .append(" UTC: ").append(nb.cells().size()).append(nb.cells().size() == 1 ? " cell" : " cells")
                .append(String.format(Locale.ROOT, " in %.1f s", run.nanos() / 1e9));
        int failed = run.failures().size();
        if (failed > 0) md.append(", ").append(failed).append(" failed");
        if (run.skipped() > 0) md.append(", ").append(run.skipped()).append(" not run");
        md.append("._\n");
        return md.toString();
    }

    private static void output(StringBuilder md, Notebook.Cell c, Optional<CellResult> result, Path dir) {
        if (result.isEmpty()) {
            md.append("\n> _Cell ").append(c.number()).append(" did not run: an earlier cell failed._\n");
            return;
        }
        CellResult r = result.get();
        r.failure().ifPresent(f -> md.append("\n> **Cell ").append(c.number()).append(" failed at line ").append(f.line())
                .append(":** ").append(f.message().replace("\n", " ")).append('\n'));
        for (CellOutput o : r.outputs()) {
            switch (o) {
                case CellOutput.Text t -> lines(md, t.lines());
                case CellOutput.Table t -> grid(md, t.table());
                case CellOutput.Image i -> md.append("\n![").append(i.caption().replace("]", "\\]")).append("](")
                        .append(HtmlNotebook.relative(dir, i.file())).append(")\n");
            }
        }
    }

    private static void lines(StringBuilder md, List<Line> lines) {
        int from = 0, to = lines.size();
        while (from < to && lines.get(from).blank()) from++;
        while (to > from && lines.get(to - 1).blank()) to--;
        if (from == to) return;
        StringBuilder body = new StringBuilder();
        for (int k = from; k < to; k++) body.append(lines.get(k).text().stripTrailing()).append('\n');
        String fence = body.toString().contains("```") ? "~~~~" : "```";
        md.append('\n').append(fence).append("text\n").append(body).append(fence).append('\n');
    }

    private static void grid(StringBuilder md, TableBlock g) {
        md.append('\n').append('|');
        for (TableBlock.Column c : g.columns()) md.append(' ').append(cell(c.name())).append(" |");
        md.append('\n').append('|');
        for (TableBlock.Column c : g.columns()) md.append(c.right() ? " ---: |" : " --- |");
        md.append('\n');
        for (List<Line> row : g.rows()) {
            md.append('|');
            for (Line cell : row) md.append(' ').append(cell(cell.text())).append(" |");
            md.append('\n');
        }
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|");
    }
}
