package io.tradeshell.shell.notebook;

import static io.tradeshell.report.html.Html.escape;

import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.report.html.HtmlReport;
import io.tradeshell.shell.console.session.Language;
import io.tradeshell.shell.present.Line;
import io.tradeshell.shell.present.TableBlock;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A notebook's report as one HTML page in the look of the run reports: the prose as written,
 * each cell's code coloured, and under it what the cell printed, its tables as tables and its
 * charts as images from the report's {@code images} folder.
 */
final class HtmlNotebook {
    private static final HtmlRenderer PROSE = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();   // prose is text: raw HTML and script links shown, never run

    private HtmlNotebook() { }

    /** @param dir the folder the page is written to, which image paths are made relative to */
    static String page(NotebookRun run, Path dir) {
        Notebook nb = run.notebook();
        String title = nb.title().orElse(nb.name());
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" – notebook</title>\n<style>\n").append(HtmlReport.CSS).append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(html, run);
        for (Notebook.Part part : nb.parts()) {
            switch (part) {
                case Notebook.Prose p -> prose(html, p);
                case Notebook.Cell c -> cell(html, c, run.result(c), dir);
            }
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, NotebookRun run) {
        Notebook nb = run.notebook();
        int failed = run.failures().size();
        html.append("<header class=\"nb-head\">\n<span class=\"nb-file\">notebook <code>").append(escape(ProjectHome.display(nb.file())))
                .append("</code></span>\n<span>run ").append(IsoTime.minute(run.finishedAtMillis())).append(" UTC</span>\n<span>")
                .append(nb.cells().size()).append(nb.cells().size() == 1 ? " cell" : " cells").append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s", run.nanos() / 1e9)).append("</span>\n");
        if (failed == 0 && run.skipped() == 0) html.append("<span class=\"badge ok\">every cell ran</span>\n");
        else {
            html.append("<span class=\"badge failed\">").append(failed).append(failed == 1 ? " cell failed" : " cells failed");
            if (run.skipped() > 0) html.append(", ").append(run.skipped()).append(" not run");
            html.append("</span>\n");
        }
        html.append("</header>\n");
    }

    private static void prose(StringBuilder html, Notebook.Prose p) {
        html.append("<div class=\"prose\">\n");
        for (Node block : p.blocks()) html.append(PROSE.render(block));
        html.append("</div>\n");
    }

    private static void cell(StringBuilder html, Notebook.Cell c, Optional<CellResult> result, Path dir) {
        boolean failed = result.map(CellResult::failed).orElse(false);
        html.append("<section class=\"cell").append(failed ? " failed" : result.isEmpty() ? " skipped" : "").append("\" id=\"cell-")
                .append(c.number()).append("\">\n<div class=\"cell-head\"><span><span class=\"lang\">")
                .append(c.language() == Language.JAVA ? "Java" : "Groovy").append("</span> · cell ").append(c.number())
                .append(" · line ").append(c.firstLine()).append("</span><span>");
        if (result.isEmpty()) html.append("not run: an earlier cell failed");
        else {
            CellResult r = result.get();
            r.failure().ifPresent(f -> html.append("<span class=\"fail\">failed at line ").append(f.line()).append("</span> · "));
            html.append(String.format(Locale.ROOT, "%.2f s", r.nanos() / 1e9));
        }
        html.append("</span></div>\n<pre class=\"code\">");
        List<String> code = CodeColours.html(c.code());
        for (int k = 0; k < code.size(); k++) {
            if (k > 0) html.append('\n');
            html.append(code.get(k));
        }
        html.append("</pre>\n");
        if (result.isPresent() && !result.get().outputs().isEmpty()) {
            html.append("<div class=\"outputs\">\n");
            for (CellOutput o : result.get().outputs()) output(html, o, dir);
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void output(StringBuilder html, CellOutput o, Path dir) {
        switch (o) {
            case CellOutput.Text t -> lines(html, t.lines());
            case CellOutput.Table t -> grid(html, t.table());
            case CellOutput.Image i -> html.append("<figure><img src=\"").append(escape(relative(dir, i.file()))).append("\" alt=\"")
                    .append(escape(i.caption())).append("\" loading=\"lazy\"><figcaption>").append(escape(i.caption()))
                    .append("</figcaption></figure>\n");
        }
    }

    private static void lines(StringBuilder html, List<Line> lines) {
        int from = 0, to = lines.size();
        while (from < to && lines.get(from).blank()) from++;
        while (to > from && lines.get(to - 1).blank()) to--;
        if (from == to) return;
        html.append("<pre class=\"out\">");
        for (int k = from; k < to; k++) {
            if (k > from) html.append('\n');
            spans(html, lines.get(k));
        }
        html.append("</pre>\n");
    }

    private static void grid(StringBuilder html, TableBlock g) {
        html.append("<div class=\"grid-wrap\"><table class=\"grid\">\n<thead><tr>");
        for (TableBlock.Column c : g.columns()) {
            html.append("<th").append(c.right() ? " class=\"num\"" : "").append(">").append(escape(c.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Line> row : g.rows()) {
            html.append(TableBlock.isGap(row) ? "<tr class=\"gap\">" : "<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append("<td").append(g.columns().get(c).right() ? " class=\"num\"" : "").append(">");
                spans(html, row.get(c));
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    /** A line's pieces, each in its tone's classes (the console's colours: c1 a loss in red, c2 a gain in green). */
    private static void spans(StringBuilder html, Line line) {
        for (Line.Span r : line.spans()) {
            String cls = r.tone().css();
            if (cls.isEmpty()) html.append(escape(r.text()));
            else html.append("<span class=\"").append(cls).append("\">").append(escape(r.text())).append("</span>");
        }
    }

    static String relative(Path dir, Path file) {
        Path d = dir.toAbsolutePath().normalize(), f = file.toAbsolutePath().normalize();
        return (f.startsWith(d) ? d.relativize(f) : f).toString().replace('\\', '/');
    }

    private static final String CSS = """
            main { max-width:1120px; }
            .nb-head { display:flex; flex-wrap:wrap; gap:6px 18px; align-items:center; color:var(--muted); font-size:13px;
                       padding:0 0 10px; border-bottom:1px solid var(--line); margin-bottom:8px; }
            .nb-head code { font-size:12.5px; }
            .badge { border-radius:10px; padding:1px 10px; font-weight:600; font-size:12px; }
            .badge.ok { background:#e6f4ea; color:var(--gain); }
            .badge.failed { background:#fdecea; color:var(--loss); }
            .prose { max-width:860px; }
            .prose h1 { font-size:30px; margin:22px 0 6px; }
            .prose h2 { font-size:21px; margin:30px 0 8px; }
            .prose h3 { font-size:17px; margin:22px 0 6px; }
            .prose p, .prose li { line-height:1.6; }
            .prose code { background:#eceef1; border-radius:4px; padding:1px 4px; font-size:13px; }
            .prose pre { background:#eceef1; border-radius:6px; padding:10px 14px; overflow-x:auto; }
            .prose pre code { background:none; padding:0; }
            .prose blockquote { margin:10px 0; padding:2px 14px; border-left:4px solid var(--line); color:var(--muted); }
            section.cell { padding:0; margin:14px 0 18px; overflow:hidden; }
            section.cell.failed { border-color:#e8b4ae; box-shadow:inset 4px 0 0 var(--loss); }
            section.cell.skipped { opacity:.6; }
            .cell-head { display:flex; justify-content:space-between; gap:12px; font-size:12px; color:var(--muted);
                         padding:5px 16px; background:#fafbfc; border-bottom:1px solid var(--line); }
            .lang { font-weight:700; letter-spacing:.03em; color:#3c4043; }
            .fail { color:var(--loss); font-weight:600; }
            pre.code { margin:0; padding:12px 16px; background:#f7f8fa; font:13px/1.55 "DejaVu Sans Mono", Menlo, Consolas, monospace;
                       overflow-x:auto; border-bottom:1px solid var(--line); color:#24292f; }
            section.cell > pre.code:last-child { border-bottom:0; }
            .outputs { padding:8px 16px 12px; }
            pre.out { margin:6px 0; font:12.5px/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space:pre-wrap; overflow-wrap:anywhere; }
            .grid-wrap { overflow-x:auto; margin:6px 0 10px; }
            table.grid { width:auto; min-width:280px; font-size:13px; }
            table.grid th, table.grid td { padding:4px 12px; white-space:nowrap; }
            table.grid td { font-variant-numeric:tabular-nums; }
            table.grid tbody tr:nth-child(even) { background:#fafbfc; }
            table.grid tr.gap td { color:var(--muted); text-align:center; padding:0 12px; }
            figure { margin:10px 0 12px; }
            figure img { display:block; max-width:100%; height:auto; border:1px solid var(--line); border-radius:6px; }
            figcaption { color:var(--muted); font-size:12.5px; margin-top:4px; }
            .b { font-weight:700; } .f { opacity:.7; } .i { font-style:italic; }
            .outputs .c1, .outputs .c9 { color:var(--loss); }
            .outputs .c2, .outputs .c10 { color:var(--gain); }
            .outputs .c3, .outputs .c11 { color:#9a6700; }
            .outputs .c4, .outputs .c12 { color:#1f5fae; }
            .outputs .c5, .outputs .c13 { color:#8e44ad; }
            .outputs .c6, .outputs .c14 { color:#0e7490; }
            .outputs .c8 { color:#8c8c8c; }
            .code .c2 { color:#1f5fae; }
            .code .c3 { color:#a04a00; font-weight:600; }
            .code .c5 { color:#8e44ad; }
            .code .c6 { color:#0e7490; }
            .code .c8 { color:#8c8c8c; font-style:italic; }
            .code .c9 { color:#c0392b; }
            .code .c10 { color:#1e7e45; }
            """;
}
